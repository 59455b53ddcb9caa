package io.moselle.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * Stock of one SKU in one warehouse. Key: ({@link #sku()}, {@link #warehouse()}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInventoryLevel.class)
@JsonDeserialize(as = ImmutableInventoryLevel.class)
@JsonPropertyOrder({"sku", "warehouse", "onHand", "available", "incoming", "asOf"})
public abstract class InventoryLevel {
    public abstract String sku();

    public abstract String warehouse();

    public abstract BigDecimal onHand();

    /** May be negative. */
    public abstract BigDecimal available();

    public abstract BigDecimal incoming();

    /** The instant the snapshot was taken. */
    public abstract Instant asOf();

    public SkuWarehouse key() {
        return new SkuWarehouse(sku(), warehouse());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link InventoryLevel} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableInventoryLevel.Builder {}
}
