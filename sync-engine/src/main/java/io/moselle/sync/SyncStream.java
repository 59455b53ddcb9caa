package io.moselle.sync;

import io.moselle.mapping.cin7.RecordSet;
import java.util.Optional;

/**
 * What a sync reads from Cin7. Branches, products and stock are read whole (snapshots); sales
 * orders, purchase orders and branch transfers in windows of {@code modifiedDate}. A run reads
 * them in this order: later streams need the branch list and the product SKUs.
 */
public enum SyncStream {
    /** The branch list ({@code v1/Branches}), read whole: the warehouses, and how every other stream maps branches. */
    BRANCHES(null),
    /** Products ({@code v1/Products}), read whole: one Moselle product per SKU. */
    PRODUCTS(RecordSet.PRODUCTS),
    /** Stock ({@code v1/Stock}), read whole: inventory levels per SKU and warehouse. */
    STOCK(null),
    /** Sales orders ({@code v1/SalesOrders}), in windows of {@code modifiedDate}: the sales history (dispatched orders only). */
    SALES_ORDERS(RecordSet.SALES_ORDERS),
    /** Purchase orders ({@code v1/PurchaseOrders}), in windows of {@code modifiedDate}: replenishment orders. */
    PURCHASE_ORDERS(RecordSet.PURCHASE_ORDERS),
    /** Branch transfers ({@code v1/BranchTransfers}), in windows of {@code modifiedDate}: replenishment orders with in-transit stock. */
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
