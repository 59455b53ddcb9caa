package io.moselle.sync;

import io.moselle.mapping.cin7.RecordSet;
import java.util.Optional;

/**
 * What a sync reads from Cin7. Branches, products and stock are read whole (snapshots); sales
 * orders, purchase orders and branch transfers in windows of {@code modifiedDate}. A run reads
 * them in this order: later streams need the branch list and the product SKUs.
 */
public enum SyncStream {
    BRANCHES(null),
    PRODUCTS(RecordSet.PRODUCTS),
    STOCK(null),
    SALES_ORDERS(RecordSet.SALES_ORDERS),
    PURCHASE_ORDERS(RecordSet.PURCHASE_ORDERS),
    BRANCH_TRANSFERS(RecordSet.BRANCH_TRANSFERS);

    private final RecordSet settingsKey;

    SyncStream(RecordSet settingsKey) {
        this.settingsKey = settingsKey;
    }

    /** Whether this stream is read in {@code modifiedDate} windows rather than whole. */
    public boolean isWindowed() {
        return settingsKey != null && this != PRODUCTS;
    }

    /** The stream's key in the tenant settings (lookback, custom fields); empty for branches and stock. */
    public Optional<RecordSet> settingsKey() {
        return Optional.ofNullable(settingsKey);
    }
}
