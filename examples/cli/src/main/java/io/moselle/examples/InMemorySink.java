package io.moselle.examples;

import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import io.moselle.sync.spi.MoselleSink;
import io.moselle.sync.RecordType;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The smallest useful {@link MoselleSink}: each tenant's records in sorted maps, keyed as the
 * domain says. Upserts replace by key and retractions remove, so a batch delivered twice does
 * no harm. Copy it as the start of a sink over your own store. Thread-safe.
 */
public final class InMemorySink implements MoselleSink {

    /** One tenant's records. Guard with {@code synchronized (state)} when reading during a run. */
    public static final class State {
        public final Map<String, Warehouse> warehouses = new TreeMap<>();
        public final Map<String, Product> products = new TreeMap<>();
        public final Map<Long, SalesOrder> salesOrders = new TreeMap<>();
        public final Map<ReplenishmentOrder.Key, ReplenishmentOrder> replenishmentOrders = new TreeMap<>();
        public final Map<SkuWarehouse, InventoryLevel> inventory = new TreeMap<>();
    }

    private final Map<String, State> tenants = new ConcurrentHashMap<>();

    /** The state of {@code tenantId}, created empty when first asked. */
    public State state(String tenantId) {
        return tenants.computeIfAbsent(tenantId, t -> new State());
    }

    @Override
    public void write(SyncBatch<?, ?> batch) {
        State s = state(batch.tenantId());
        synchronized (s) {
            apply(s, batch);
        }
    }

    /** Applies one batch to a state, each record type to its map: shared with {@link FileSink}. */
    static void apply(State s, SyncBatch<?, ?> batch) {
        if (batch.type() == RecordType.WAREHOUSE) {
            apply(s.warehouses, batch.as(RecordType.WAREHOUSE));
        } else if (batch.type() == RecordType.PRODUCT) {
            apply(s.products, batch.as(RecordType.PRODUCT));
        } else if (batch.type() == RecordType.SALES_ORDER) {
            apply(s.salesOrders, batch.as(RecordType.SALES_ORDER));
        } else if (batch.type() == RecordType.REPLENISHMENT_ORDER) {
            apply(s.replenishmentOrders, batch.as(RecordType.REPLENISHMENT_ORDER));
        } else {
            apply(s.inventory, batch.as(RecordType.INVENTORY_LEVEL));
        }
    }

    /** Upserts replace by key; retractions remove the key, if held. */
    private static <R, K> void apply(Map<K, R> records, SyncBatch<R, K> batch) {
        batch.upserts().forEach(r -> records.put(batch.type().keyOf(r), r));
        batch.retractions().forEach(r -> records.remove(r.key()));
    }

    @Override
    public void snapshotComplete(Snapshot<?, ?> snapshot) {
        State s = state(snapshot.tenantId());
        synchronized (s) {
            completeSnapshot(s, snapshot);
        }
    }

    /** Warehouses and inventory levels not in the snapshot are removed; products are marked inactive. */
    static void completeSnapshot(State s, Snapshot<?, ?> snapshot) {
        if (snapshot.type() == RecordType.WAREHOUSE) {
            s.warehouses.keySet().retainAll(snapshot.as(RecordType.WAREHOUSE).keys());
        } else if (snapshot.type() == RecordType.INVENTORY_LEVEL) {
            s.inventory.keySet().retainAll(snapshot.as(RecordType.INVENTORY_LEVEL).keys());
        } else {
            Set<String> skus = snapshot.as(RecordType.PRODUCT).keys();
            s.products.replaceAll((sku, p) -> skus.contains(sku) || !p.active() ? p : p.deactivated());
        }
    }
}
