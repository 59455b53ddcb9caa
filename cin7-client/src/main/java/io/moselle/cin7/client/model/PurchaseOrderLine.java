package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A line of a purchase order.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutablePurchaseOrderLine.class)
public abstract class PurchaseOrderLine {
    /** The line's id in Cin7. */
    public abstract @Nullable Long id();

    /** The Cin7 product the line is of. */
    public abstract @Nullable Long productId();

    /** The product option (the SKU) the line is of. */
    public abstract @Nullable Long productOptionId();

    /** The SKU. */
    public abstract @Nullable String code();

    /** The quantity ordered, as Cin7 sends it. */
    public abstract @Nullable BigDecimal qty();

    /** Meaning on a purchase order unverified; Cin7 has no received quantity. */
    public abstract @Nullable BigDecimal qtyShipped();

    /** The price of one unit. */
    public abstract @Nullable BigDecimal unitPrice();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PurchaseOrderLine} values. */
    public static final class Builder extends ImmutablePurchaseOrderLine.Builder {}
}
