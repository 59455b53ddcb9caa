package io.moselle.sync;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.mapping.cin7.RecordSet;
import io.moselle.mapping.cin7.ReplenishmentMapping;
import io.moselle.mapping.cin7.SalesOrderMapping;
import java.util.Optional;

/**
 * What a sync reads from Cin7. Branches, products and stock are read whole (snapshots); sales
 * orders, purchase orders and branch transfers in windows of {@code modifiedDate}. A run reads
 * them in this order: later streams need the branch list and the product SKUs.
 *
 * <p>Each windowed stream is described here once (its resource, mapping, record type and
 * settings key), and the engine reads every windowed stream the same way from that description.
 */
public enum SyncStream {
    BRANCHES(null),
    PRODUCTS(null),
    STOCK(null),
    SALES_ORDERS(new WindowedSource<>(Cin7Client::salesOrders, SalesOrderMapping::map, RecordType.SALES_ORDER,
            RecordSet.SALES_ORDERS)),
    PURCHASE_ORDERS(new WindowedSource<>(Cin7Client::purchaseOrders, ReplenishmentMapping::purchaseOrder,
            RecordType.REPLENISHMENT_ORDER, RecordSet.PURCHASE_ORDERS)),
    BRANCH_TRANSFERS(new WindowedSource<>(Cin7Client::branchTransfers, ReplenishmentMapping::transfer,
            RecordType.REPLENISHMENT_ORDER, RecordSet.BRANCH_TRANSFERS));

    private final WindowedSource<?, ?, ?> source;

    SyncStream(WindowedSource<?, ?, ?> source) {
        this.source = source;
    }

    /** Whether this stream is read in {@code modifiedDate} windows rather than whole. */
    public boolean isWindowed() {
        return source != null;
    }

    /** The stream's key in the tenant settings (lookback, custom fields); empty for branches and stock. */
    public Optional<RecordSet> settingsKey() {
        return this == PRODUCTS ? Optional.of(RecordSet.PRODUCTS) : windowed().map(WindowedSource::settingsKey);
    }

    Optional<WindowedSource<?, ?, ?>> windowed() {
        return Optional.ofNullable(source);
    }
}
