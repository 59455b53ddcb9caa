package io.moselle.sync.spi;

import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;

/**
 * A {@link MoselleSink} that keeps every record type the same way, by key (JSON rows, files, a
 * map): it implements one generic write and one generic removal, and still says how products
 * leave (they are marked inactive, not removed). {@code batch.type().keyOf(record)} gives each
 * record's key.
 */
public interface UniformSink extends MoselleSink {

    /** Upserts by key and retractions of one record type. */
    <R, K> void write(SyncBatch<R, K> batch) throws Exception;

    /** Removes the records of {@code snapshot}'s type (warehouses or inventory levels) whose keys it does not hold. */
    <R, K> void retainOnly(Snapshot<R, K> snapshot) throws Exception;

    @Override
    default void writeWarehouses(SyncBatch<Warehouse, String> batch) throws Exception {
        write(batch);
    }

    @Override
    default void writeProducts(SyncBatch<Product, String> batch) throws Exception {
        write(batch);
    }

    @Override
    default void writeSalesOrders(SyncBatch<SalesOrder, Long> batch) throws Exception {
        write(batch);
    }

    @Override
    default void writeReplenishmentOrders(SyncBatch<ReplenishmentOrder, ReplenishmentOrder.Key> batch) throws Exception {
        write(batch);
    }

    @Override
    default void writeInventoryLevels(SyncBatch<InventoryLevel, SkuWarehouse> batch) throws Exception {
        write(batch);
    }

    @Override
    default void warehousesComplete(Snapshot<Warehouse, String> snapshot) throws Exception {
        retainOnly(snapshot);
    }

    @Override
    default void inventoryLevelsComplete(Snapshot<InventoryLevel, SkuWarehouse> snapshot) throws Exception {
        retainOnly(snapshot);
    }
}
