package io.moselle.cin7.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The {@code status} of a sales or purchase order. Cin7 sends it as upper-case text
 * ({@code APPROVED}, {@code VOID}) while its docs list {@code Draft}/{@code Approved}/{@code Void}
 * with the codes 0/1/2: all of these forms are accepted, and any other text is kept as is.
 */
public final class OrderStatus extends TextCode {
    /** A draft, not yet approved. */
    public static final OrderStatus DRAFT = new OrderStatus("DRAFT");
    /** An approved order. */
    public static final OrderStatus APPROVED = new OrderStatus("APPROVED");
    /** A voided order. */
    public static final OrderStatus VOID = new OrderStatus("VOID");

    @JsonCreator(mode = JsonCreator.Mode.DISABLED) // only of(...) creates values, so blank text stays absent
    private OrderStatus(String text) {
        super(text);
    }

    /** The status for Cin7's text or numeric code; blank text gives {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable OrderStatus of(Object value) {
        if (value instanceof Number n) {
            boolean whole = n instanceof Integer || n instanceof Long || n instanceof java.math.BigInteger || n instanceof Short;
            return switch (whole ? n.toString() : "") {
                case "0" -> DRAFT;
                case "1" -> APPROVED;
                case "2" -> VOID;
                default -> throw new IllegalArgumentException("unknown order status code " + n);
            };
        }
        String text = textOf(value, "order status");
        return text.isBlank() ? null : new OrderStatus(text);
    }

    /** Whether this is one of the statuses Cin7 documents. */
    public boolean isKnown() {
        return equals(DRAFT) || equals(APPROVED) || equals(VOID);
    }
}
