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
    /** The SKU. */
    public abstract String sku();

    /** The warehouse key. */
    public abstract String warehouse();

    /** Units on hand. */
    public abstract BigDecimal onHand();

    /** May be negative. */
    public abstract BigDecimal available();

    /** Units on their way in, as the source counts them. */
    public abstract BigDecimal incoming();

    /** The instant the snapshot was taken. */
    public abstract Instant asOf();

    /** The level's key: its SKU and warehouse. */
    public SkuWarehouse key() {
        return new SkuWarehouse(sku(), warehouse());
    }

    /** A builder of {@link InventoryLevel} values; {@code build()} names a required field left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link InventoryLevel} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableInventoryLevel.Builder {}
}
