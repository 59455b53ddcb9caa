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
    public abstract @Nullable Long id();

    public abstract @Nullable Long productId();

    public abstract @Nullable Long productOptionId();

    /** The SKU. */
    public abstract @Nullable String code();

    public abstract @Nullable String name();

    public abstract @Nullable BigDecimal qty();

    /** Filled when dispatched. */
    public abstract @Nullable BigDecimal qtyShipped();

    public abstract @Nullable BigDecimal unitPrice();

    public abstract @Nullable BigDecimal discount();

    /** Component lines of a kit point at their parent line. */
    public abstract @Nullable Long parentId();

    public abstract @Nullable Integer sort();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SalesOrderLine} values. */
    public static final class Builder extends ImmutableSalesOrderLine.Builder {}
}
