package io.moselle.mapping;

/** Where a {@link ReplenishmentOrder} stands. Only {@link #ACTIVE} orders count as inbound stock. */
public enum ReplenishmentStatus {
    /** Not yet committed. */
    DRAFT,
    /** Ordered or in transit: inbound stock. */
    ACTIVE,
    /** Arrived. */
    DELIVERED,
    /** Void or cancelled. */
    ARCHIVED
}
