package io.moselle.sync;

import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.Product;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Warehouse;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.InventoryAccumulator;
import io.moselle.mapping.cin7.ProductMapping;
import io.moselle.mapping.cin7.SkuClaims;
import io.moselle.mapping.cin7.WarehouseDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The streams read whole: branches (the warehouse mapping every other stream needs), products
 * (one per SKU) and stock (summed per SKU and warehouse). Each ends by telling the sink which
 * keys the snapshot held.
 */
final class Snapshots {
    /** Warehouses and inventory levels go to the sink in batches of this many. */
    private static final int BATCH = 500;

    private Snapshots() {}

    /** Reads the branch list; delivers the warehouses when {@code deliver}, else only maps them. */
    static WarehouseDirectory branches(StreamRun s, Cin7Settings settings, boolean deliver) {
        s.started(null);
        List<Branch> branches = new ArrayList<>();
        s.forEachPage(s.client.branches().list(ListQuery.builder().afterId(0).build()), page -> branches.addAll(page.items()));
        WarehouseDirectory warehouses = WarehouseDirectory.of(branches, settings);
        if (deliver) {
            List<Warehouse> list = warehouses.warehouses();
            list.forEach(w -> s.counters.count(Outcome.upsert(w, w.key())));
            write(s, RecordType.WAREHOUSE, list);
        }
        return warehouses;
    }

    /** Reads and delivers every product page by page; returns the SKUs of the snapshot. */
    static Set<String> products(StreamRun s, Cin7Settings settings) {
        s.started(null);
        SkuClaims claims = new SkuClaims();
        s.forEachPage(s.client.products().list(ListQuery.builder().afterId(0).build()), page -> {
            List<Outcome<io.moselle.mapping.Product>> outcomes = new ArrayList<>();
            for (Product product : page.items()) {
                outcomes.addAll(ProductMapping.map(product, settings, claims));
            }
            s.run.delivery().outcomes(s.counters, RecordType.PRODUCT, outcomes);
        });
        Set<String> skus = claims.skus();
        s.run.delivery().snapshotComplete(RecordType.PRODUCT, skus);
        return skus;
    }

    /** Reads every stock row, then delivers the levels summed per SKU and warehouse. */
    static void stock(StreamRun s, WarehouseDirectory warehouses, Set<String> knownSkus, Instant asOf) {
        s.started(null);
        InventoryAccumulator inventory = new InventoryAccumulator(warehouses, knownSkus, asOf);
        s.forEachPage(s.client.stock().list(), page -> inventory.addAll(page.items()));
        List<InventoryLevel> levels = inventory.levels();
        s.counters.count(inventory.tally());
        levels.forEach(l -> s.counters.count(Outcome.upsert(l, l.sku())));
        write(s, RecordType.INVENTORY_LEVEL, levels);
    }

    private static <R, K> void write(StreamRun s, RecordType<R, K> type, List<R> records) {
        for (int from = 0; from < records.size(); from += BATCH) {
            List<R> part = records.subList(from, Math.min(records.size(), from + BATCH));
            s.run.delivery().batch(SyncBatch.of(s.run.tenantId(), s.stream, type, part, List.of()));
        }
        Set<K> keys = new LinkedHashSet<>();
        records.forEach(r -> keys.add(type.keyOf(r)));
        s.run.delivery().snapshotComplete(type, keys);
    }
}
