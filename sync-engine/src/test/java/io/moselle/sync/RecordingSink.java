package io.moselle.sync;

import io.moselle.sync.spi.MoselleSink;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A sink holding each tenant's final state in memory, recording batches, and failing on demand. */
final class RecordingSink implements MoselleSink {
    /** One tenant's records, by key. */
    static final class State {
        final Map<String, Warehouse> warehouses = new TreeMap<>();
        final Map<String, Product> products = new TreeMap<>();
        final Map<Long, SalesOrder> salesOrders = new TreeMap<>();
        final Map<ReplenishmentOrder.Key, ReplenishmentOrder> replenishments = new TreeMap<>();
        final Map<SkuWarehouse, InventoryLevel> inventory = new TreeMap<>();

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.warehouses.equals(warehouses) && s.products.equals(products)
                    && s.salesOrders.equals(salesOrders) && s.replenishments.equals(replenishments) && s.inventory.equals(inventory);
        }

        @Override
        public int hashCode() {
            return salesOrders.hashCode();
        }

        @Override
        public String toString() {
            return "State{warehouses=" + warehouses.size() + ", products=" + products.size() + ", salesOrders=" + salesOrders.size()
                    + ", replenishments=" + replenishments.size() + ", inventory=" + inventory.size() + "}";
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    final List<SyncBatch<?, ?>> batches = new CopyOnWriteArrayList<>();
    /** The snapshot ends received, in order. */
    final List<Snapshot<?, ?>> snapshots = new CopyOnWriteArrayList<>();
    final AtomicInteger writes = new AtomicInteger();
    /** Refuses a batch before applying anything of it. */
    volatile Predicate<SyncBatch<?, ?>> failWhen = b -> false;
    /** Applies a batch, then throws: a sink that committed, and a process that died before the checkpoint. */
    volatile Predicate<SyncBatch<?, ?>> crashAfterApplyWhen = b -> false;
    /** Applies the end of a snapshot, then throws. */
    volatile Predicate<Snapshot<?, ?>> snapshotCrashWhen = s -> false;

    State state(String tenantId) {
        return states.computeIfAbsent(tenantId, t -> new State());
    }

    @Override
    public void write(SyncBatch<?, ?> batch) {
        writes.incrementAndGet();
        if (failWhen.test(batch)) {
            throw new IllegalStateException("sink refused " + batch);
        }
        batches.add(batch);
        State s = state(batch.tenantId());
        synchronized (s) {
            if (batch.type() == RecordType.WAREHOUSE) {
                apply(s.warehouses, batch.as(RecordType.WAREHOUSE));
            } else if (batch.type() == RecordType.PRODUCT) {
                apply(s.products, batch.as(RecordType.PRODUCT));
            } else if (batch.type() == RecordType.SALES_ORDER) {
                apply(s.salesOrders, batch.as(RecordType.SALES_ORDER));
            } else if (batch.type() == RecordType.REPLENISHMENT_ORDER) {
                apply(s.replenishments, batch.as(RecordType.REPLENISHMENT_ORDER));
            } else {
                apply(s.inventory, batch.as(RecordType.INVENTORY_LEVEL));
            }
        }
        if (crashAfterApplyWhen.test(batch)) {
            throw new IllegalStateException("the process died after the sink applied " + batch);
        }
    }

    private static <R, K> void apply(Map<K, R> records, SyncBatch<R, K> batch) {
        batch.upserts().forEach(r -> records.put(batch.type().keyOf(r), r));
        batch.retractions().forEach(r -> records.remove(r.key()));
    }

    @Override
    public void snapshotComplete(Snapshot<?, ?> snapshot) {
        snapshots.add(snapshot);
        State s = state(snapshot.tenantId());
        synchronized (s) {
            if (snapshot.type() == RecordType.WAREHOUSE) {
                s.warehouses.keySet().retainAll(snapshot.as(RecordType.WAREHOUSE).keys());
            } else if (snapshot.type() == RecordType.INVENTORY_LEVEL) {
                s.inventory.keySet().retainAll(snapshot.as(RecordType.INVENTORY_LEVEL).keys());
            } else {
                Set<String> skus = snapshot.as(RecordType.PRODUCT).keys();
                s.products.replaceAll((sku, p) -> skus.contains(sku) ? p : p.deactivated());
            }
        }
        if (snapshotCrashWhen.test(snapshot)) {
            throw new IllegalStateException("the process died inside the end of " + snapshot);
        }
    }
}
