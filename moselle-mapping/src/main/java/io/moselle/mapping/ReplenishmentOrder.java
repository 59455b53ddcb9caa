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
    public abstract ReplenishmentType type();

    public abstract long externalId();

    public abstract @Nullable String orderNumber();

    public abstract ReplenishmentStatus status();

    public abstract String destinationWarehouse();

    /** Transfers only. */
    public abstract @Nullable String sourceWarehouse();

    /** Purchases only. */
    public abstract @Nullable String supplier();

    public abstract @Nullable Instant orderDate();

    public abstract @Nullable Instant expectedDate();

    public abstract @Nullable Instant dispatchedDate();

    public abstract @Nullable Instant deliveredDate();

    public abstract List<ReplenishmentLine> lines();

    public abstract Map<String, JsonNode> attributes();

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

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReplenishmentOrder} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableReplenishmentOrder.Builder {}
}
