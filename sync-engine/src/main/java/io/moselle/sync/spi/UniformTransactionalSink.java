package io.moselle.sync.spi;

import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import java.sql.Connection;

/**
 * A {@link TransactionalSink} that keeps every record type the same way, by key: one generic
 * write and one generic removal on the engine's connection, and its own way for products to leave
 * (marked inactive, not removed).
 */
public interface UniformTransactionalSink extends TransactionalSink {

    /** Upserts by key and retractions of one record type, on {@code connection}. */
    <R, K> void write(Connection connection, SyncBatch<R, K> batch) throws Exception;

    /** Removes, on {@code connection}, the records of {@code snapshot}'s type (warehouses or inventory levels) whose keys it does not hold. */
    <R, K> void retainOnly(Connection connection, Snapshot<R, K> snapshot) throws Exception;

    @Override
    default void writeWarehouses(Connection connection, SyncBatch<Warehouse, String> batch) throws Exception {
        write(connection, batch);
    }

    @Override
    default void writeProducts(Connection connection, SyncBatch<Product, String> batch) throws Exception {
        write(connection, batch);
    }

    @Override
    default void writeSalesOrders(Connection connection, SyncBatch<SalesOrder, Long> batch) throws Exception {
        write(connection, batch);
    }

    @Override
    default void writeReplenishmentOrders(Connection connection, SyncBatch<ReplenishmentOrder, ReplenishmentOrder.Key> batch)
            throws Exception {
        write(connection, batch);
    }

    @Override
    default void writeInventoryLevels(Connection connection, SyncBatch<InventoryLevel, SkuWarehouse> batch) throws Exception {
        write(connection, batch);
    }

    @Override
    default void warehousesComplete(Connection connection, Snapshot<Warehouse, String> snapshot) throws Exception {
        retainOnly(connection, snapshot);
    }

    @Override
    default void inventoryLevelsComplete(Connection connection, Snapshot<InventoryLevel, SkuWarehouse> snapshot) throws Exception {
        retainOnly(connection, snapshot);
    }
}
