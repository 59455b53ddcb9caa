package io.moselle.sync;

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
    final List<SyncBatch> batches = new CopyOnWriteArrayList<>();
    final AtomicInteger writes = new AtomicInteger();
    volatile Predicate<SyncBatch> failWhen = b -> false;

    State state(String tenantId) {
        return states.computeIfAbsent(tenantId, t -> new State());
    }

    @Override
    public void write(SyncBatch batch) {
        writes.incrementAndGet();
        if (failWhen.test(batch)) {
            throw new IllegalStateException("sink refused " + batch);
        }
        batches.add(batch);
        State s = state(batch.tenantId());
        synchronized (s) {
            switch (batch.type()) {
                case WAREHOUSE -> batch.upserts(Warehouse.class).forEach(w -> s.warehouses.put(w.key(), w));
                case PRODUCT -> batch.upserts(Product.class).forEach(p -> s.products.put(p.sku(), p));
                case SALES_ORDER -> {
                    batch.upserts(SalesOrder.class).forEach(o -> s.salesOrders.put(o.externalId(), o));
                    batch.retractions().forEach(r -> s.salesOrders.remove((Long) r.key()));
                }
                case REPLENISHMENT_ORDER -> {
                    batch.upserts(ReplenishmentOrder.class).forEach(o -> s.replenishments.put(o.key(), o));
                    batch.retractions().forEach(r -> s.replenishments.remove((ReplenishmentOrder.Key) r.key()));
                }
                case INVENTORY_LEVEL -> batch.upserts(InventoryLevel.class).forEach(l -> s.inventory.put(l.key(), l));
            }
        }
    }

    @Override
    public void snapshotComplete(String tenantId, RecordType type, Set<?> keys) {
        State s = state(tenantId);
        synchronized (s) {
            switch (type) {
                case WAREHOUSE -> s.warehouses.keySet().retainAll(keys);
                case INVENTORY_LEVEL -> s.inventory.keySet().retainAll(keys);
                case PRODUCT -> s.products.replaceAll((sku, p) -> keys.contains(sku) ? p : p.deactivated());
                default -> throw new IllegalArgumentException(type.name());
            }
        }
    }
}
