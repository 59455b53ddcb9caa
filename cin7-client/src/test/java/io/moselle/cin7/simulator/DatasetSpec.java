package io.moselle.cin7.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The size and shape of a generated Cin7 account. Generation is seeded and deterministic, and
 * relative to {@link #now()}: the same spec always gives the same records. Sales orders are
 * generated lazily from their id, so a million of them cost no memory. Immutable.
 *
 * @param seed the random seed
 * @param now the account's "today" when the simulator starts
 * @param branches number of branches (the last one inactive when there are three or more)
 * @param products number of products
 * @param optionsPerProduct options (SKUs) per product
 * @param historyDays days of sales history before {@code now}
 * @param ordersPerDay sales orders created per day
 * @param linesPerOrder lines per sales order; 0 for a seeded mix of 1 to 4 with kits and odd lines
 * @param purchaseOrders number of purchase orders, spread over the history
 * @param transfers number of branch transfers, spread over the history
 */
public record DatasetSpec(long seed, Instant now, int branches, int products, int optionsPerProduct, int historyDays,
        int ordersPerDay, int linesPerOrder, int purchaseOrders, int transfers) {

    public DatasetSpec {
        Objects.requireNonNull(now, "now");
        now = now.truncatedTo(ChronoUnit.SECONDS);
        if (branches < 1 || products < 1 || optionsPerProduct < 1 || historyDays < 1 || ordersPerDay < 0
                || linesPerOrder < 0 || purchaseOrders < 0 || transfers < 0) {
            throw new IllegalArgumentException("invalid dataset spec: " + this);
        }
    }

    /** A few branches and a few hundred SKUs: the demo. */
    public static DatasetSpec demo(Instant now) {
        return new DatasetSpec(42, now, 4, 100, 3, 730, 20, 0, 120, 60);
    }

    /** A medium tenant: 6 branches, 2,000 SKUs, 40 orders a day for two years. */
    public static DatasetSpec medium(Instant now) {
        return new DatasetSpec(7, now, 6, 500, 4, 730, 40, 0, 800, 300);
    }

    /** 1,000,000 sales orders of 3 lines over two years, generated lazily. */
    public static DatasetSpec large(Instant now) {
        return new DatasetSpec(1, now, 5, 1_000, 5, 730, 1_370, 3, 1_000, 500);
    }

    /** A tiny account for fast tests. */
    public static DatasetSpec small(Instant now) {
        return new DatasetSpec(3, now, 3, 12, 2, 400, 4, 0, 30, 20);
    }

    public DatasetSpec withSeed(long seed) {
        return new DatasetSpec(seed, now, branches, products, optionsPerProduct, historyDays, ordersPerDay, linesPerOrder, purchaseOrders, transfers);
    }

    public DatasetSpec withOrdersPerDay(int ordersPerDay) {
        return new DatasetSpec(seed, now, branches, products, optionsPerProduct, historyDays, ordersPerDay, linesPerOrder, purchaseOrders, transfers);
    }

    public DatasetSpec withHistoryDays(int historyDays) {
        return new DatasetSpec(seed, now, branches, products, optionsPerProduct, historyDays, ordersPerDay, linesPerOrder, purchaseOrders, transfers);
    }

    public DatasetSpec withLinesPerOrder(int linesPerOrder) {
        return new DatasetSpec(seed, now, branches, products, optionsPerProduct, historyDays, ordersPerDay, linesPerOrder, purchaseOrders, transfers);
    }

    /** The number of sales orders created up to {@code now}. */
    public long salesOrderCount() {
        return (long) historyDays * ordersPerDay;
    }
}
