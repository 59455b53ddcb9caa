package io.moselle.mapping.internal;

import io.moselle.cin7.client.model.StockItem;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Reason;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.StockTotals;
import io.moselle.mapping.cin7.WarehouseDirectory;
import io.moselle.mapping.internal.Numbers;
import io.moselle.mapping.internal.Tally;
import io.moselle.mapping.internal.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rows of one {@code v1/Stock} snapshot, fed page by page, into inventory levels.
 *
 * <p>Rows without SKU are skipped ({@link Reason#MISSING_SKU}), rows of a disabled branch too
 * ({@link Reason#WAREHOUSE_DISABLED}). A row repeated for the same product, option and branch
 * counts once: the last one returned ({@link Reason#DUPLICATE_ROW} for the others). Rows are then
 * summed per (SKU, warehouse key), whichever option they came from. Rows whose SKU is not a known
 * product are kept and noted ({@link Reason#UNKNOWN_SKU}); so are rows of a branch missing from
 * the branch list ({@link Reason#UNKNOWN_BRANCH}). A row with a quantity no real stock has is
 * skipped ({@link Reason#INVALID_NUMBER}). Not thread-safe: one per snapshot.
 */
public final class InventoryAccumulator {
    private final WarehouseDirectory warehouses;
    private final Set<String> knownSkus;
    private final Instant asOf;
    private final Tally tally = new Tally();
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private Tally notes = new Tally();

    private record Row(String source, String sku, long branchId, String warehouse, BigDecimal onHand, BigDecimal available,
            BigDecimal incoming) {}

    /**
     * @param knownSkus the SKUs of the product snapshot, or null to not check
     * @param asOf the instant the run started, stamped on every level
     */
    public InventoryAccumulator(WarehouseDirectory warehouses, Set<String> knownSkus, Instant asOf) {
        this.warehouses = warehouses;
        this.knownSkus = knownSkus;
        this.asOf = asOf;
    }

    public void add(StockItem row) {
        String sku = Text.clean(row.code());
        String source = "option " + row.productOptionId() + " @ branch " + row.branchId();
        if (row.branchId() == null) {
            tally.skip(Reason.MISSING_FIELD, source + " branchId");
            return;
        }
        if (sku == null) {
            tally.skip(Reason.MISSING_SKU, source);
            return;
        }
        if (!warehouses.isEnabled(row.branchId())) {
            tally.skip(Reason.WAREHOUSE_DISABLED, source);
            return;
        }
        String implausible = new Numbers.Check().number("stockOnHand", row.stockOnHand()).number("available", row.available())
                .number("incoming", row.incoming()).failed();
        if (implausible != null) {
            tally.skip(Reason.INVALID_NUMBER, source + " " + implausible);
            return;
        }
        String identity = row.productOptionId() != null
                ? row.productId() + "/" + row.productOptionId() + "/" + row.branchId()
                : "code:" + sku + "/" + row.branchId();
        Row previous = rows.put(identity, new Row(source, sku, row.branchId(), warehouses.keyOf(row.branchId()),
                orZero(row.stockOnHand()), orZero(row.available()), orZero(row.incoming())));
        if (previous != null) {
            tally.skip(Reason.DUPLICATE_ROW, source);
        }
    }

    public void addAll(Iterable<StockItem> page) {
        page.forEach(this::add);
    }

    /** The levels so far, ordered by (SKU, warehouse); also counts unknown SKUs and branches in the tally. */
    public List<InventoryLevel> levels() {
        return levels(knownSkus);
    }

    /**
     * The levels so far, checking SKUs against {@code knownSkus} rather than the set given at
     * construction: for a stock snapshot read before (or while) the products are.
     *
     * @param knownSkus the SKUs of the product snapshot, or null to not check
     */
    public List<InventoryLevel> levels(Set<String> knownSkus) {
        StockTotals totals = new StockTotals();
        Tally found = new Tally();
        for (Row row : rows.values()) {
            if (knownSkus != null && !knownSkus.contains(row.sku())) {
                found.count(Reason.UNKNOWN_SKU, 1, row.sku());
            }
            if (!warehouses.isKnown(row.branchId())) {
                found.count(Reason.UNKNOWN_BRANCH, 1, row.source());
            }
            totals.add(new SkuWarehouse(row.sku(), row.warehouse()), row.onHand(), row.available(), row.incoming());
        }
        notes = found;
        return totals.rows((key, onHand, available, incoming) -> InventoryLevel.builder().sku(key.sku())
                .warehouse(key.warehouse()).onHand(onHand).available(available).incoming(incoming).asOf(asOf).build());
    }

    /** Skips counted while adding rows, plus the notes of the last {@link #levels()} call. */
    public Tally tally() {
        Tally all = new Tally();
        all.addAll(tally);
        all.addAll(notes);
        return all;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
