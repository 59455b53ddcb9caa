package io.moselle.sync.internal;

import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.Page;
import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.Product;
import io.moselle.cin7.client.model.StockItem;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Warehouse;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.ProductMapping;
import io.moselle.mapping.cin7.SkuClaims;
import io.moselle.mapping.cin7.WarehouseDirectory;
import io.moselle.mapping.internal.InventoryAccumulator;
import io.moselle.sync.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The streams read whole: branches (the warehouse mapping every other stream needs), products
 * (one per SKU) and stock (summed per SKU and warehouse). Each ends by telling the sink which
 * keys the snapshot held.
 */
public final class Snapshots {
    /** Warehouses and inventory levels go to the sink in batches of this many. */
    private static final int BATCH = 500;

    private Snapshots() {}

    /** Reads the branch list; delivers the warehouses when {@code deliver}, else only maps them. */
    static WarehouseDirectory branches(StreamRun s, Cin7Settings settings, boolean deliver) {
        s.started(Optional.empty());
        List<Branch> branches = new ArrayList<>();
        s.forEachPage(s.client.branches().list(ListQuery.builder().afterId(0).build()), page -> branches.addAll(page.items()));
        WarehouseDirectory warehouses = WarehouseDirectory.of(branches, settings);
        if (deliver) {
            List<Warehouse> list = warehouses.warehouses();
            list.forEach(w -> s.counters.count(Outcome.upsert(w, w.key())));
            write(s, RecordType.WAREHOUSE, list);
        }
        s.succeeded();
        return warehouses;
    }

    /** Every product, page after page by keyset, each page delivered as it comes; then the snapshot's SKUs. */
    static final class Products extends PageRead {
        private final Cin7Settings settings;
        private final SkuClaims claims = new SkuClaims();
        private long lastId;
        private int pages;
        private volatile Set<String> skus;

        Products(StreamRun s, Cin7Settings settings) {
            super(s);
            this.settings = settings;
        }

        @Override
        boolean nextPage() {
            Page<Product> page = s.client.products().list(ListQuery.builder().afterId(lastId).build()).pages().iterator().next();
            s.fetched(page, ++pages, p -> {
                List<Outcome<io.moselle.mapping.Product>> outcomes = new ArrayList<>();
                for (Product product : p.items()) {
                    outcomes.addAll(ProductMapping.map(product, settings, claims));
                }
                s.delivery.page(s.counters, RecordType.PRODUCT, outcomes, null, null);
            });
            if (!page.isLast()) {
                lastId = page.items().get(page.items().size() - 1).id();
                return true;
            }
            s.delivery.snapshotComplete(RecordType.PRODUCT, claims.skus());
            skus = claims.skus();
            s.succeeded();
            return false;
        }

        /** The SKUs of the snapshot, once it is complete; else null. */
        Set<String> skus() {
            return skus;
        }
    }

    /**
     * Every stock row. {@code v1/Stock} has no id, so its pages are read by number. In a long run
     * (a first run, a re-sync) with several requests allowed in flight, a full first page is
     * followed by that many readers taking every n-th page from page 2 on, each until its first
     * short page (the readers past the last page cost one empty call each): decided from the data
     * alone, so the same stock always gives the same requests. Rows reach the accumulator in page
     * order whatever order the pages arrive in, so a row listed twice counts as the later one, as
     * read one by one. {@link #deliver} sums the levels once every page is in.
     */
    static final class Stock {
        private final StreamRun s;
        private final int readers;
        private final InventoryAccumulator inventory;
        /** Pages that arrived before an earlier one, by number; guarded by this. */
        private final TreeMap<Integer, List<StockItem>> early = new TreeMap<>();
        private int added;

        /** @param readers how many readers share the pages after the first; 1 reads them one after the other */
        Stock(StreamRun s, WarehouseDirectory warehouses, Instant asOf, int readers) {
            this.s = s;
            this.readers = readers;
            this.inventory = new InventoryAccumulator(warehouses, null, asOf);
        }

        /** The reader of the first page (and, with one reader, of every page). */
        ParallelReads.Read reader() {
            return new Reader(1, 1);
        }

        /** Sums the rows per SKU and warehouse, noting SKUs not in {@code knownSkus} (null: no products to check against), and delivers them. */
        void deliver(Set<String> knownSkus) {
            List<InventoryLevel> levels = inventory.levels(knownSkus);
            s.counters.count(inventory.tally());
            levels.forEach(l -> s.counters.count(Outcome.upsert(l, l.sku())));
            write(s, RecordType.INVENTORY_LEVEL, levels);
            s.succeeded();
        }

        private synchronized void add(int page, List<StockItem> rows) {
            early.put(page, rows);
            while (early.containsKey(added + 1)) {
                inventory.addAll(early.remove(++added));
            }
        }

        /** Reads pages {@code page}, {@code page + stride}, ... until a short one. */
        private final class Reader extends PageRead {
            private int page;
            private int stride;

            Reader(int page, int stride) {
                super(Stock.this.s);
                this.page = page;
                this.stride = stride;
            }

            /** Only the reader of the first page starts the stream. */
            @Override
            boolean announces() {
                return page == 1;
            }

            @Override
            boolean nextPage() {
                int number = page;
                Page<StockItem> got = s.client.stock().list(ListQuery.builder().firstPage(number).build()).pages().iterator().next();
                s.fetched(got, number, p -> add(number, p.items()));
                page += stride;
                return !got.isLast();
            }

            /** After a full first page: the readers that share the pages from 2 on; this one becomes the first of them. */
            @Override
            public List<ParallelReads.Read> split() {
                if (page != 2 || stride != 1 || readers == 1) {
                    return List.of();
                }
                List<ParallelReads.Read> others = new ArrayList<>();
                for (int first = 3; first < 2 + readers; first++) {
                    others.add(new Reader(first, readers));
                }
                stride = readers;
                return others;
            }
        }
    }

    private static <R, K> void write(StreamRun s, RecordType<R, K> type, List<R> records) {
        for (int from = 0; from < records.size(); from += BATCH) {
            List<R> part = records.subList(from, Math.min(records.size(), from + BATCH));
            s.delivery.batch(type, s.stream, part);
        }
        Set<K> keys = new LinkedHashSet<>();
        records.forEach(r -> keys.add(type.keyOf(r)));
        s.delivery.snapshotComplete(type, keys);
    }
}
