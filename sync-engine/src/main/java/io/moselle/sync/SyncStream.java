package io.moselle.sync;

import io.moselle.mapping.cin7.WindowedStream;

/**
 * What a sync reads from Cin7. Branches, products and stock are read whole (snapshots); sales
 * orders, purchase orders and branch transfers in windows of {@code modifiedDate}. A run reads
 * them in this order: later streams need the branch list and the product SKUs.
 */
public enum SyncStream {
    BRANCHES(null),
    PRODUCTS(null),
    STOCK(null),
    SALES_ORDERS(WindowedStream.SALES_ORDERS),
    PURCHASE_ORDERS(WindowedStream.PURCHASE_ORDERS),
    BRANCH_TRANSFERS(WindowedStream.BRANCH_TRANSFERS);

    private final WindowedStream windowed;

    SyncStream(WindowedStream windowed) {
        this.windowed = windowed;
    }

    /** Whether this stream is read in {@code modifiedDate} windows rather than whole. */
    public boolean isWindowed() {
        return windowed != null;
    }

    /** The settings key of a windowed stream (for its lookback), or null for a snapshot. */
    public WindowedStream windowedStream() {
        return windowed;
    }
}
