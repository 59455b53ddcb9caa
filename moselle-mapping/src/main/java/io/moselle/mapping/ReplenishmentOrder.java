package io.moselle.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Incoming stock: a purchase order or a transfer between warehouses. Key: ({@link #type()}, {@link #externalId()}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReplenishmentOrder.class)
@JsonDeserialize(as = ImmutableReplenishmentOrder.class)
@JsonPropertyOrder({"type", "externalId", "orderNumber", "status", "destinationWarehouse", "sourceWarehouse", "supplier", "orderDate", "expectedDate", "dispatchedDate", "deliveredDate", "lines", "attributes"})
public abstract class ReplenishmentOrder {
    /** A purchase or a transfer. */
    public abstract ReplenishmentType type();

    /** The order's id in the source: its key, with the type. */
    public abstract long externalId();

    /** The order's number as people know it, or null. */
    public abstract @Nullable String orderNumber();

    /** Where the order stands; only ACTIVE orders count as inbound. */
    public abstract ReplenishmentStatus status();

    /** The warehouse the goods go to. */
    public abstract String destinationWarehouse();

    /** Transfers only. */
    public abstract @Nullable String sourceWarehouse();

    /** Purchases only. */
    public abstract @Nullable String supplier();

    /** When the order was placed, or null. */
    public abstract @Nullable Instant orderDate();

    /** When the goods are expected, or null. */
    public abstract @Nullable Instant expectedDate();

    /** When the goods left, or null. */
    public abstract @Nullable Instant dispatchedDate();

    /** When the goods arrived, or null. */
    public abstract @Nullable Instant deliveredDate();

    /** The lines, in the source's order. */
    public abstract List<ReplenishmentLine> lines();

    /** Custom attributes, values as the source sent them. */
    public abstract Map<String, JsonNode> attributes();

    /** The order's key: its type and external id. */
    public Key key() {
        return new Key(type(), externalId());
    }

    /** The key of a replenishment order. */
    public record Key(ReplenishmentType type, long externalId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byType = type.compareTo(o.type);
            return byType != 0 ? byType : Long.compare(externalId, o.externalId);
        }
    }

    /** A builder of {@link ReplenishmentOrder} values; {@code build()} names a required field left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReplenishmentOrder} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableReplenishmentOrder.Builder {}
}
