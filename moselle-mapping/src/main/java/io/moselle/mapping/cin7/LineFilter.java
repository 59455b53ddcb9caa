package io.moselle.mapping.cin7;

import io.moselle.mapping.Reason;
import io.moselle.mapping.internal.Text;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Drops lines with a blank SKU or a zero (or missing) quantity, and counts them by reason. */
final class LineFilter {
    private final Map<Reason, Integer> dropped = new EnumMap<>(Reason.class);

    /** The line's SKU, or null when the line is dropped. */
    String accept(String code, BigDecimal quantity) {
        String sku = Text.clean(code);
        if (sku == null) {
            dropped.merge(Reason.LINE_MISSING_SKU, 1, Integer::sum);
            return null;
        }
        if (quantity == null || quantity.signum() == 0) {
            dropped.merge(Reason.LINE_ZERO_QUANTITY, 1, Integer::sum);
            return null;
        }
        return sku;
    }

    Map<Reason, Integer> dropped() {
        return dropped;
    }
}
