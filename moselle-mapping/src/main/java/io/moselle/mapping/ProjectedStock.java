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
    public abstract String sku();

    public abstract String warehouse();

    public abstract BigDecimal available();

    public abstract BigDecimal inboundPurchase();

    public abstract BigDecimal inboundTransfer();

    public abstract BigDecimal projected();

    public SkuWarehouse key() {
        return new SkuWarehouse(sku(), warehouse());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProjectedStock} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableProjectedStock.Builder {}
}
