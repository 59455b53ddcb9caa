package io.moselle.mapping.internal;

import java.math.BigDecimal;

/**
 * Which quantities and amounts can be real. Cin7 sends plain JSON numbers, read exactly; a number
 * such as {@code 1e400} or {@code -1e30} is no quantity and no price, and written out as a plain
 * decimal it would be hundreds of digits long. Such a record is skipped, never delivered.
 */
public final class Numbers {
    /** The bound, exclusive, on the size of a quantity or an amount: a trillion. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(12);
    /** The most decimal places a quantity or an amount may have. */
    public static final int MAX_DECIMALS = 12;

    private Numbers() {}

    /** Whether {@code value} (null counts as absent, so fine) can be a real quantity or amount. */
    public static boolean isPlausible(BigDecimal value) {
        return value == null || (value.abs().compareTo(LIMIT) < 0 && value.stripTrailingZeros().scale() <= MAX_DECIMALS);
    }

    /** Collects the first field whose number is not plausible. */
    public static final class Check {
        private String field;

        public Check number(String name, BigDecimal value) {
            if (field == null && !isPlausible(value)) {
                field = name;
            }
            return this;
        }

        /** The first field that failed, or null. */
        public String failed() {
            return field;
        }
    }
}
