package io.moselle.sync;

import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.Warehouse;

/** The Moselle record types a sink receives, with the Java type of each. */
public enum RecordType {
    /** {@link Warehouse}, keyed by {@code key} (a String). */
    WAREHOUSE(Warehouse.class),
    /** {@link Product}, keyed by {@code sku} (a String). */
    PRODUCT(Product.class),
    /** {@link SalesOrder}, keyed by {@code externalId} (a Long). */
    SALES_ORDER(SalesOrder.class),
    /** {@link ReplenishmentOrder}, keyed by {@link ReplenishmentOrder.Key}. */
    REPLENISHMENT_ORDER(ReplenishmentOrder.class),
    /** {@link InventoryLevel}, keyed by {@link io.moselle.mapping.SkuWarehouse}. */
    INVENTORY_LEVEL(InventoryLevel.class);

    private final Class<?> recordClass;

    RecordType(Class<?> recordClass) {
        this.recordClass = recordClass;
    }

    public Class<?> recordClass() {
        return recordClass;
    }
}
