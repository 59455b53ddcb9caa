package io.moselle.sync;

import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import io.moselle.sync.spi.MoselleSink;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
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
    public void writeWarehouses(SyncBatch<Warehouse, String> batch) {
        write(batch, s -> s.warehouses);
    }

    @Override
    public void writeProducts(SyncBatch<Product, String> batch) {
        write(batch, s -> s.products);
    }

    @Override
    public void writeSalesOrders(SyncBatch<SalesOrder, Long> batch) {
        write(batch, s -> s.salesOrders);
    }

    @Override
    public void writeReplenishmentOrders(SyncBatch<ReplenishmentOrder, ReplenishmentOrder.Key> batch) {
        write(batch, s -> s.replenishments);
    }

    @Override
    public void writeInventoryLevels(SyncBatch<InventoryLevel, SkuWarehouse> batch) {
        write(batch, s -> s.inventory);
    }

    private <R, K> void write(SyncBatch<R, K> batch, Function<State, Map<K, R>> records) {
        writes.incrementAndGet();
        if (failWhen.test(batch)) {
            throw new IllegalStateException("sink refused " + batch);
        }
        batches.add(batch);
        State s = state(batch.tenantId());
        synchronized (s) {
            Map<K, R> target = records.apply(s);
            batch.upserts().forEach(r -> target.put(batch.type().keyOf(r), r));
            batch.retractions().forEach(r -> target.remove(r.key()));
        }
        if (crashAfterApplyWhen.test(batch)) {
            throw new IllegalStateException("the process died after the sink applied " + batch);
        }
    }

    @Override
    public void warehousesComplete(Snapshot<Warehouse, String> snapshot) {
        complete(snapshot, s -> s.warehouses.keySet().retainAll(snapshot.keys()));
    }

    @Override
    public void productsComplete(Snapshot<Product, String> snapshot) {
        complete(snapshot, s -> s.products.replaceAll((sku, p) -> snapshot.keys().contains(sku) ? p : p.deactivated()));
    }

    @Override
    public void inventoryLevelsComplete(Snapshot<InventoryLevel, SkuWarehouse> snapshot) {
        complete(snapshot, s -> s.inventory.keySet().retainAll(snapshot.keys()));
    }

    private void complete(Snapshot<?, ?> snapshot, Consumer<State> apply) {
        snapshots.add(snapshot);
        State s = state(snapshot.tenantId());
        synchronized (s) {
            apply.accept(s);
        }
        if (snapshotCrashWhen.test(snapshot)) {
            throw new IllegalStateException("the process died inside the end of " + snapshot);
        }
    }
}
