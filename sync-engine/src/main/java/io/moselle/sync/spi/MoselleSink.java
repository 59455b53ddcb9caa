package io.moselle.sync.spi;

import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import io.moselle.sync.RecordType;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;

/**
 * Where synced records go: the host implements this over its own store, one method per record
 * type, each handed its records and keys typed.
 *
 * <p><b>Contract.</b> Called one call at a time per tenant, on the thread running the tenant's
 * sync (the caller of {@code run}, however many requests are in flight); calls for different
 * tenants may come at once from different threads. Delivery is at
 * least once: after a crash or a failed batch the same records may come again, so upserts must
 * replace by key and retractions must ignore unknown keys. The engine saves its checkpoint only
 * after a call returns. Throwing fails the stream loudly (its checkpoint stays where it was, the
 * report says FAILED and names the exception), and the run carries on with the other streams.
 *
 * <p><b>Snapshots.</b> Warehouses, products and inventory levels are read whole. When all of one
 * was delivered, its {@code ...Complete} method says which keys it holds: records of that type
 * whose keys it does not hold are gone from Cin7. A sink removes such warehouses and inventory
 * levels, and marks such products inactive (keeping their other fields).
 *
 * <p><b>Fencing.</b> A sink that writes to the PostgreSQL holding the engine's leases checks
 * {@link SyncBatch#fence()} (and {@link Snapshot#fence()}) with
 * {@code PostgresLeaseStore.verify(connection, fence)} inside its own transaction, so a replica
 * that lost its tenant while inside this call commits nothing. A sink in that database can
 * instead be a {@link TransactionalSink}: each page then commits with its checkpoint, exactly once.
 */
public interface MoselleSink {

    /** Upserts and retractions of warehouses, keyed by {@code key}. */
    void writeWarehouses(SyncBatch<Warehouse, String> batch) throws Exception;

    /** Upserts of products, keyed by {@code sku}. */
    void writeProducts(SyncBatch<Product, String> batch) throws Exception;

    /** Upserts and retractions of sales orders, keyed by {@code externalId}. */
    void writeSalesOrders(SyncBatch<SalesOrder, Long> batch) throws Exception;

    /** Upserts and retractions of purchase orders and transfers, keyed by ({@code type}, {@code externalId}). */
    void writeReplenishmentOrders(SyncBatch<ReplenishmentOrder, ReplenishmentOrder.Key> batch) throws Exception;

    /** Upserts of inventory levels, keyed by ({@code sku}, {@code warehouse}). */
    void writeInventoryLevels(SyncBatch<InventoryLevel, SkuWarehouse> batch) throws Exception;

    /** Every warehouse was delivered: remove those whose keys {@code snapshot} does not hold. */
    void warehousesComplete(Snapshot<Warehouse, String> snapshot) throws Exception;

    /** Every product was delivered: mark inactive those whose SKUs {@code snapshot} does not hold, keeping their other fields. */
    void productsComplete(Snapshot<Product, String> snapshot) throws Exception;

    /** Every inventory level was delivered: remove those whose keys {@code snapshot} does not hold. */
    void inventoryLevelsComplete(Snapshot<InventoryLevel, SkuWarehouse> snapshot) throws Exception;

    /**
     * Hands {@code batch} to the method of its record type. The engine delivers through it; so can
     * code that holds batches of any type, such as a replay of a journal.
     */
    default void accept(SyncBatch<?, ?> batch) throws Exception {
        RecordType<?, ?> type = batch.type();
        if (type == RecordType.WAREHOUSE) {
            writeWarehouses(batch.as(RecordType.WAREHOUSE));
        } else if (type == RecordType.PRODUCT) {
            writeProducts(batch.as(RecordType.PRODUCT));
        } else if (type == RecordType.SALES_ORDER) {
            writeSalesOrders(batch.as(RecordType.SALES_ORDER));
        } else if (type == RecordType.REPLENISHMENT_ORDER) {
            writeReplenishmentOrders(batch.as(RecordType.REPLENISHMENT_ORDER));
        } else {
            writeInventoryLevels(batch.as(RecordType.INVENTORY_LEVEL));
        }
    }

    /** Hands the end of {@code snapshot} to the method of its record type. */
    default void accept(Snapshot<?, ?> snapshot) throws Exception {
        RecordType<?, ?> type = snapshot.type();
        if (type == RecordType.WAREHOUSE) {
            warehousesComplete(snapshot.as(RecordType.WAREHOUSE));
        } else if (type == RecordType.PRODUCT) {
            productsComplete(snapshot.as(RecordType.PRODUCT));
        } else {
            inventoryLevelsComplete(snapshot.as(RecordType.INVENTORY_LEVEL));
        }
    }
}
