package io.moselle.mapping;

/** What kind of incoming stock a {@link ReplenishmentOrder} is. */
public enum ReplenishmentType {
    /** From a supplier. */
    PURCHASE,
    /** From another of the customer's warehouses. */
    TRANSFER
}
