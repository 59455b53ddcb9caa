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
 * A sink whose records live in the same PostgreSQL as the engine's stores: it writes on the
 * connection the engine hands it, inside the engine's transaction, and never commits, rolls back
 * or closes it. One method per record type, as {@link MoselleSink} has, each with the connection.
 *
 * <p><b>Exactly once, fenced.</b> For each page the engine opens one transaction on the stores'
 * {@code DataSource}, checks in it that the run still holds its lease on the tenant (token and
 * expiry, on the database's clock) and holds the lease row against a takeover until the end,
 * calls this sink, saves the stream's checkpoint, and commits. A crash at any point leaves all of
 * it or none of it, so every page is applied exactly once and upserts need not be idempotent; a
 * run that lost its tenant commits nothing. Snapshot ends go through the same path. The
 * transaction's session has {@code statement_timeout}, {@code lock_timeout} and
 * {@code idle_in_transaction_session_timeout} set locally under the lease's time left, so a
 * holder frozen inside this call never blocks a takeover for longer than the lease.
 *
 * <p>Configure it with {@code SyncEngine.builder().sink(TransactionalSink)} beside a
 * {@code PostgresCheckpointStore} and a {@code PostgresLeaseStore} on the same {@code DataSource}
 * and table prefix. Called one call at a time per tenant. Throwing rolls the page back and fails
 * the stream (its checkpoint stays where it was).
 */
public interface TransactionalSink {

    /** Upserts and retractions of warehouses, keyed by {@code key}. */
    void writeWarehouses(Connection connection, SyncBatch<Warehouse, String> batch) throws Exception;

    /** Upserts of products, keyed by {@code sku}. */
    void writeProducts(Connection connection, SyncBatch<Product, String> batch) throws Exception;

    /** Upserts and retractions of sales orders, keyed by {@code externalId}. */
    void writeSalesOrders(Connection connection, SyncBatch<SalesOrder, Long> batch) throws Exception;

    /** Upserts and retractions of purchase orders and transfers, keyed by ({@code type}, {@code externalId}). */
    void writeReplenishmentOrders(Connection connection, SyncBatch<ReplenishmentOrder, ReplenishmentOrder.Key> batch)
            throws Exception;

    /** Upserts of inventory levels, keyed by ({@code sku}, {@code warehouse}). */
    void writeInventoryLevels(Connection connection, SyncBatch<InventoryLevel, SkuWarehouse> batch) throws Exception;

    /** Every warehouse was delivered: remove those whose keys {@code snapshot} does not hold. */
    void warehousesComplete(Connection connection, Snapshot<Warehouse, String> snapshot) throws Exception;

    /** Every product was delivered: mark inactive those whose SKUs {@code snapshot} does not hold, keeping their other fields. */
    void productsComplete(Connection connection, Snapshot<Product, String> snapshot) throws Exception;

    /** Every inventory level was delivered: remove those whose keys {@code snapshot} does not hold. */
    void inventoryLevelsComplete(Connection connection, Snapshot<InventoryLevel, SkuWarehouse> snapshot) throws Exception;

    /** This sink writing on {@code connection}, as a {@link MoselleSink}: how the engine calls it, inside its transaction. */
    default MoselleSink on(Connection connection) {
        TransactionalSink sink = this;
        return new MoselleSink() {
            @Override
            public void writeWarehouses(SyncBatch<Warehouse, String> batch) throws Exception {
                sink.writeWarehouses(connection, batch);
            }

            @Override
            public void writeProducts(SyncBatch<Product, String> batch) throws Exception {
                sink.writeProducts(connection, batch);
            }

            @Override
            public void writeSalesOrders(SyncBatch<SalesOrder, Long> batch) throws Exception {
                sink.writeSalesOrders(connection, batch);
            }

            @Override
            public void writeReplenishmentOrders(SyncBatch<ReplenishmentOrder, ReplenishmentOrder.Key> batch) throws Exception {
                sink.writeReplenishmentOrders(connection, batch);
            }

            @Override
            public void writeInventoryLevels(SyncBatch<InventoryLevel, SkuWarehouse> batch) throws Exception {
                sink.writeInventoryLevels(connection, batch);
            }

            @Override
            public void warehousesComplete(Snapshot<Warehouse, String> snapshot) throws Exception {
                sink.warehousesComplete(connection, snapshot);
            }

            @Override
            public void productsComplete(Snapshot<Product, String> snapshot) throws Exception {
                sink.productsComplete(connection, snapshot);
            }

            @Override
            public void inventoryLevelsComplete(Snapshot<InventoryLevel, SkuWarehouse> snapshot) throws Exception {
                sink.inventoryLevelsComplete(connection, snapshot);
            }
        };
    }
}
