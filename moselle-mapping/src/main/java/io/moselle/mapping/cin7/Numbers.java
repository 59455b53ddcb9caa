package io.moselle.mapping.cin7;

import java.math.BigDecimal;

/**
 * Which quantities and amounts can be real. Cin7 sends plain JSON numbers, read exactly; a number
 * such as {@code 1e400} or {@code -1e30} is no quantity and no price, and written out as a plain
 * decimal it would be hundreds of digits long. Such a record is skipped, never delivered.
 */
final class Numbers {
    /** The bound, exclusive, on the size of a quantity or an amount: a trillion. */
    static final BigDecimal LIMIT = BigDecimal.TEN.pow(12);
    /** The most decimal places a quantity or an amount may have. */
    static final int MAX_DECIMALS = 12;

    private Numbers() {}

    /** Whether {@code value} (null counts as absent, so fine) can be a real quantity or amount. */
    static boolean isPlausible(BigDecimal value) {
        return value == null || (value.abs().compareTo(LIMIT) < 0 && value.stripTrailingZeros().scale() <= MAX_DECIMALS);
    }

    /** Collects the first field whose number is not plausible. */
    static final class Check {
        private String field;

        Check number(String name, BigDecimal value) {
            if (field == null && !isPlausible(value)) {
                field = name;
            }
            return this;
        }

        /** The first field that failed, or null. */
        String failed() {
            return field;
        }
    }
}
