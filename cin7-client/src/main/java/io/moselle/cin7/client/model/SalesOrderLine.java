package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A line of a sales order.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableSalesOrderLine.class)
public abstract class SalesOrderLine {
    /** The line's id in Cin7. */
    public abstract @Nullable Long id();

    /** The Cin7 product the line is of. */
    public abstract @Nullable Long productId();

    /** The product option (the SKU) the line is of. */
    public abstract @Nullable Long productOptionId();

    /** The SKU. */
    public abstract @Nullable String code();

    /** The name, as Cin7 shows it. */
    public abstract @Nullable String name();

    /** The quantity ordered, as Cin7 sends it. */
    public abstract @Nullable BigDecimal qty();

    /** Filled when dispatched. */
    public abstract @Nullable BigDecimal qtyShipped();

    /** The price of one unit. */
    public abstract @Nullable BigDecimal unitPrice();

    /** The line's discount. */
    public abstract @Nullable BigDecimal discount();

    /** Component lines of a kit point at their parent line. */
    public abstract @Nullable Long parentId();

    /** The line's position in the order. */
    public abstract @Nullable Integer sort();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SalesOrderLine} values. */
    public static final class Builder extends ImmutableSalesOrderLine.Builder {}
}
