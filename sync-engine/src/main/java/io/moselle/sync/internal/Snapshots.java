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
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The streams read whole: branches (the warehouse mapping every other stream needs), products
 * (one per SKU) and stock (summed per SKU and warehouse). Each ends by telling the sink which
 * keys the snapshot held.
 */
public final class Snapshots {
    /** Warehouses and inventory levels go to the sink in batches of this many. */
    private static final int BATCH = 500;

    private Snapshots() {}

    /** The branches as warehouses, and how many branches Cin7 listed. */
    record BranchList(WarehouseDirectory warehouses, int count) {}

    /** Reads the branch list; delivers the warehouses when {@code deliver}, else only maps them. */
    static BranchList branches(StreamRun s, Cin7Settings settings, boolean deliver) {
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
        return new BranchList(warehouses, branches.size());
    }

    /** Every product, page after page by keyset, each page delivered as it comes; then the snapshot's SKUs. */
    static final class Products extends PageRead {
        private final Cin7Settings settings;
        private final SkuClaims claims = new SkuClaims();
        private long lastId;
        private int pages;
        private long options;
        private volatile Set<String> skus;
        private volatile OptionalLong optionCount = OptionalLong.empty();

        Products(StreamRun s, Cin7Settings settings) {
            super(s);
            this.settings = settings;
        }

        @Override
        CompletableFuture<BooleanSupplier> nextPage(RunLoop loop) {
            return deliver(s.client.products().fetchAsync(ListQuery.builder().afterId(lastId).build(), loop), this::delivered);
        }

        private boolean delivered(Page<Product> page) {
            s.fetched(page, ++pages, p -> {
                List<Outcome<io.moselle.mapping.Product>> outcomes = new ArrayList<>();
                for (Product product : p.items()) {
                    options += product.productOptions().size();
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
            optionCount = OptionalLong.of(options);
            s.succeeded();
            return false;
        }

        /** How many product options Cin7 listed, once the snapshot is complete; else empty. */
        OptionalLong optionCount() {
            return optionCount;
        }

        /** The SKUs of the snapshot, once it is complete; else null. */
        Set<String> skus() {
            return skus;
        }
    }

    /**
     * Every stock row. {@code v1/Stock} has no id, so its pages are read by number, and a short
     * page is the end. Cin7 lists one row per product option per branch, so once the products
     * snapshot is complete the stock's pages are known (give or take the last) and are read by
     * as many readers as there are requests in flight to spare, each claiming the next page not
     * yet asked for; before that, and past the pages expected, one page at a time, so that no
     * page past the end is asked for, except the one a full last page needs to show it was the
     * last. Rows reach the accumulator in page order whatever order the pages arrive in, so a row
     * listed twice counts as the later one, as read one by one. {@link #deliver} sums the levels
     * once every page is in.
     */
    static final class Stock {
        private final StreamRun s;
        private final InventoryAccumulator inventory;
        /** The rows Cin7 should list, once known; else empty. */
        private final Supplier<OptionalLong> expectedRows;
        /** Pages that arrived before an earlier one, by number; guarded by this. */
        private final TreeMap<Integer, List<StockItem>> early = new TreeMap<>();
        private int added;
        /** The next page to ask for; pages asked for and not answered; the first short page, if seen; guarded by this. */
        private int nextPage = 1;
        private int asked;
        private int lastPage = Integer.MAX_VALUE;

        /** @param expectedRows the rows Cin7 should list (product options times branches), once known */
        Stock(StreamRun s, WarehouseDirectory warehouses, Instant asOf, Supplier<OptionalLong> expectedRows) {
            this.s = s;
            this.expectedRows = expectedRows;
            this.inventory = new InventoryAccumulator(warehouses, null, asOf);
        }

        /** The first reader; it splits off more when pages are known to be left and requests in flight to spare. */
        ParallelReads.Read reader() {
            return new Reader(true);
        }

        /** Sums the rows per SKU and warehouse, noting SKUs not in {@code knownSkus} (null: no products to check against), and delivers them. */
        void deliver(Set<String> knownSkus) {
            List<InventoryLevel> levels = inventory.levels(knownSkus);
            s.counters.count(inventory.tally());
            levels.forEach(l -> s.counters.count(Outcome.upsert(l, l.sku())));
            write(s, RecordType.INVENTORY_LEVEL, levels);
            s.succeeded();
        }

        /** The pages expected in all: a page more than the rows fill when they fill their last page exactly; 1 while unknown. */
        private int expectedPages() {
            OptionalLong rows = expectedRows.get();
            return rows.isPresent() ? (int) Math.min(Integer.MAX_VALUE - 1, rows.getAsLong() / ListQuery.MAX_ROWS + 1) : 1;
        }

        /**
         * The next page to ask for, or 0 when none may be asked now: none after the short page,
         * and past the pages expected only when no other page is awaited, since it may be the end.
         */
        private synchronized int claim() {
            if (nextPage > lastPage || nextPage > expectedPages() && asked > 0) {
                return 0;
            }
            asked++;
            return nextPage++;
        }

        /** Pages expected and not yet asked for, which more readers could ask for at once. */
        private synchronized int pagesToShare() {
            return nextPage > lastPage ? 0 : Math.max(0, expectedPages() - nextPage + 1);
        }

        private synchronized void answered(int page, List<StockItem> rows, boolean isLast) {
            asked--;
            if (isLast) {
                lastPage = Math.min(lastPage, page);
            }
            early.put(page, rows);
            while (early.containsKey(added + 1)) {
                inventory.addAll(early.remove(++added));
            }
        }

        /** Asks for the next page not yet asked for, until none is left to it. */
        private final class Reader extends PageRead {
            private final boolean first;

            Reader(boolean first) {
                super(Stock.this.s);
                this.first = first;
            }

            /** Only the first reader starts the stream. */
            @Override
            boolean announces() {
                return first;
            }

            @Override
            CompletableFuture<BooleanSupplier> nextPage(RunLoop loop) {
                int number = claim();
                if (number == 0) {
                    return CompletableFuture.completedFuture(() -> false);
                }
                return deliver(s.client.stock().fetchAsync(ListQuery.builder().firstPage(number).build(), loop), got -> {
                    s.fetched(got, number, p -> answered(number, p.items(), p.isLast()));
                    return true;
                });
            }

            /** More readers, one per page expected and not asked for, as many as requests in flight to spare. */
            @Override
            public List<ParallelReads.Read> split(int spare) {
                List<ParallelReads.Read> others = new ArrayList<>();
                for (int i = Math.min(spare, pagesToShare() - 1); i > 0; i--) {
                    others.add(new Reader(false));
                }
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
