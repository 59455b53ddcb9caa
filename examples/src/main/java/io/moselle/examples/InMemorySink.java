package io.moselle.examples;

import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import io.moselle.sync.MoselleSink;
import io.moselle.sync.RecordType;
import io.moselle.sync.Retraction;
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
    public void write(SyncBatch batch) {
        State s = state(batch.tenantId());
        synchronized (s) {
            apply(s, batch);
        }
    }

    /** Applies one batch to a state: shared with {@link FileSink}. */
    static void apply(State s, SyncBatch batch) {
        switch (batch.type()) {
            case WAREHOUSE -> batch.upserts(Warehouse.class).forEach(w -> s.warehouses.put(w.key(), w));
            case PRODUCT -> batch.upserts(Product.class).forEach(p -> s.products.put(p.sku(), p));
            case SALES_ORDER -> {
                batch.upserts(SalesOrder.class).forEach(o -> s.salesOrders.put(o.externalId(), o));
                for (Retraction r : batch.retractions()) {
                    s.salesOrders.remove((Long) r.key());
                }
            }
            case REPLENISHMENT_ORDER -> {
                batch.upserts(ReplenishmentOrder.class).forEach(o -> s.replenishmentOrders.put(o.key(), o));
                for (Retraction r : batch.retractions()) {
                    s.replenishmentOrders.remove((ReplenishmentOrder.Key) r.key());
                }
            }
            case INVENTORY_LEVEL -> batch.upserts(InventoryLevel.class).forEach(l -> s.inventory.put(l.key(), l));
        }
    }

    @Override
    public void snapshotComplete(String tenantId, RecordType type, Set<?> keys) {
        State s = state(tenantId);
        synchronized (s) {
            completeSnapshot(s, type, keys);
        }
    }

    /** Warehouses and inventory levels not in the snapshot are removed; products are marked inactive. */
    static void completeSnapshot(State s, RecordType type, Set<?> keys) {
        switch (type) {
            case WAREHOUSE -> s.warehouses.keySet().retainAll(keys);
            case INVENTORY_LEVEL -> s.inventory.keySet().retainAll(keys);
            case PRODUCT -> s.products.replaceAll((sku, p) -> keys.contains(sku) || !p.active() ? p : p.deactivated());
            default -> throw new IllegalArgumentException("no snapshot of " + type);
        }
    }
}
