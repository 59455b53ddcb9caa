package io.moselle.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Three running totals per (SKU, warehouse), kept in key order: the arithmetic behind inventory
 * levels (on hand, available, incoming) and projected stock (available, inbound purchase,
 * inbound transfer). Not thread-safe.
 */
public final class StockTotals {
    private final Map<SkuWarehouse, BigDecimal[]> totals = new TreeMap<>();

    /** Adds to the totals of {@code key}; a key first added starts from zero. */
    public void add(SkuWarehouse key, BigDecimal first, BigDecimal second, BigDecimal third) {
        BigDecimal[] t = totals.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        t[0] = t[0].add(first);
        t[1] = t[1].add(second);
        t[2] = t[2].add(third);
    }

    /** Makes one record of a key's totals. */
    @FunctionalInterface
    public interface Row<R> {
        /** The record of {@code key} with its three totals, in the order they were added. */
        R of(SkuWarehouse key, BigDecimal first, BigDecimal second, BigDecimal third);
    }

    /** One record per key, in key order. */
    public <R> List<R> rows(Row<R> row) {
        List<R> out = new ArrayList<>(totals.size());
        totals.forEach((key, t) -> out.add(row.of(key, t[0], t[1], t[2])));
        return out;
    }
}
