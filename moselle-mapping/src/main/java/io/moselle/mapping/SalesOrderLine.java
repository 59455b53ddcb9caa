package io.moselle.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A line of a {@link SalesOrder}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSalesOrderLine.class)
@JsonDeserialize(as = ImmutableSalesOrderLine.class)
@JsonPropertyOrder({"sku", "quantity", "unitPrice", "discount"})
public abstract class SalesOrderLine {
    /** The SKU. */
    public abstract String sku();

    /** May be negative (returns); never zero. */
    public abstract BigDecimal quantity();

    /** The price of one unit, or null. */
    public abstract @Nullable BigDecimal unitPrice();

    /** The line's discount, or null. */
    public abstract @Nullable BigDecimal discount();

    /** A builder of {@link SalesOrderLine} values; {@code build()} names a required field left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SalesOrderLine} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableSalesOrderLine.Builder {}
}
