package io.moselle.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * Available stock plus inbound purchases and transfers, per SKU and warehouse. Key: ({@link #sku()}, {@link #warehouse()}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProjectedStock.class)
@JsonDeserialize(as = ImmutableProjectedStock.class)
@JsonPropertyOrder({"sku", "warehouse", "available", "inboundPurchase", "inboundTransfer", "projected"})
public abstract class ProjectedStock {
    /** The SKU. */
    public abstract String sku();

    /** The warehouse key. */
    public abstract String warehouse();

    /** Units available now. */
    public abstract BigDecimal available();

    /** Units on active purchase orders into the warehouse. */
    public abstract BigDecimal inboundPurchase();

    /** Units on active transfers into the warehouse. */
    public abstract BigDecimal inboundTransfer();

    /** Available plus inbound. */
    public abstract BigDecimal projected();

    /** The key: the SKU and warehouse. */
    public SkuWarehouse key() {
        return new SkuWarehouse(sku(), warehouse());
    }

    /** A builder of {@link ProjectedStock} values; {@code build()} names a required field left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProjectedStock} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableProjectedStock.Builder {}
}
