package io.moselle.examples;

import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.spi.MoselleSink;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The smallest useful {@link MoselleSink}: each tenant's records in sorted maps, keyed as the
 * domain says, one method per record type. Upserts replace by key and retractions remove, so a
 * batch delivered twice does no harm. Copy it as the start of a sink over your own store.
 * Thread-safe.
 */
public class InMemorySink implements MoselleSink {

    /** One tenant's records. Guard with {@code synchronized (state)} when reading during a run. */
    public static final class State {
        public final Map<String, Warehouse> warehouses = new TreeMap<>();
        public final Map<String, Product> products = new TreeMap<>();
        public final Map<Long, SalesOrder> salesOrders = new TreeMap<>();
        public final Map<ReplenishmentOrder.Key, ReplenishmentOrder> replenishmentOrders = new TreeMap<>();
        public final Map<SkuWarehouse, InventoryLevel> inventory = new TreeMap<>();
    }

    private final Map<String, State> tenants = new ConcurrentHashMap<>();
    private final State onlyTenant;

    /** A sink for any number of tenants. */
    public InMemorySink() {
        this(null);
    }

    /** A sink whose every tenant is {@code onlyTenant}: for a sink that holds one tenant, as {@link FileSink} does. */
    InMemorySink(State onlyTenant) {
        this.onlyTenant = onlyTenant;
    }

    /** The state of {@code tenantId}, created empty when first asked. */
    public State state(String tenantId) {
        return onlyTenant != null ? onlyTenant : tenants.computeIfAbsent(tenantId, t -> new State());
    }

    @Override
    public void writeWarehouses(SyncBatch<Warehouse, String> batch) {
        apply(batch, s -> s.warehouses);
    }

    @Override
    public void writeProducts(SyncBatch<Product, String> batch) {
        apply(batch, s -> s.products);
    }

    @Override
    public void writeSalesOrders(SyncBatch<SalesOrder, Long> batch) {
        apply(batch, s -> s.salesOrders);
    }

    @Override
    public void writeReplenishmentOrders(SyncBatch<ReplenishmentOrder, ReplenishmentOrder.Key> batch) {
        apply(batch, s -> s.replenishmentOrders);
    }

    @Override
    public void writeInventoryLevels(SyncBatch<InventoryLevel, SkuWarehouse> batch) {
        apply(batch, s -> s.inventory);
    }

    @Override
    public void warehousesComplete(Snapshot<Warehouse, String> snapshot) {
        change(snapshot.tenantId(), s -> s.warehouses.keySet().retainAll(snapshot.keys()));
    }

    /** Products gone from Cin7 stay, marked inactive with their other fields. */
    @Override
    public void productsComplete(Snapshot<Product, String> snapshot) {
        change(snapshot.tenantId(), s -> s.products.replaceAll((sku, p) -> snapshot.keys().contains(sku) || !p.active() ? p : p.deactivated()));
    }

    @Override
    public void inventoryLevelsComplete(Snapshot<InventoryLevel, SkuWarehouse> snapshot) {
        change(snapshot.tenantId(), s -> s.inventory.keySet().retainAll(snapshot.keys()));
    }

    /** As {@link MoselleSink#accept(SyncBatch)}: without checked exceptions, since this sink throws none. */
    @Override
    public void accept(SyncBatch<?, ?> batch) {
        unchecked(() -> MoselleSink.super.accept(batch));
    }

    /** As {@link MoselleSink#accept(Snapshot)}: without checked exceptions, since this sink throws none. */
    @Override
    public void accept(Snapshot<?, ?> snapshot) {
        unchecked(() -> MoselleSink.super.accept(snapshot));
    }

    private interface Delivery {
        void run() throws Exception;
    }

    private static void unchecked(Delivery delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("no method of this sink throws a checked exception", e);
        }
    }

    /** Upserts replace by key; retractions remove the key, if held. */
    private <R, K> void apply(SyncBatch<R, K> batch, Function<State, Map<K, R>> records) {
        change(batch.tenantId(), s -> {
            Map<K, R> held = records.apply(s);
            batch.upserts().forEach(r -> held.put(batch.type().keyOf(r), r));
            batch.retractions().forEach(r -> held.remove(r.key()));
        });
    }

    private void change(String tenantId, Consumer<State> change) {
        State s = state(tenantId);
        synchronized (s) {
            change.accept(s);
        }
    }
}
