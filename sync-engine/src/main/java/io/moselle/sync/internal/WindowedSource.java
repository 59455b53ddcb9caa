package io.moselle.sync.internal;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7Resource;
import io.moselle.cin7.client.model.BranchTransfer;
import io.moselle.cin7.client.model.Identified;
import io.moselle.cin7.client.model.PurchaseOrder;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.RecordSet;
import io.moselle.mapping.cin7.ReplenishmentMapping;
import io.moselle.mapping.cin7.SalesOrderMapping;
import io.moselle.mapping.cin7.WarehouseDirectory;
import io.moselle.sync.RecordType;
import io.moselle.sync.SyncStream;
import java.time.Instant;
import java.util.function.Function;

/**
 * Everything the engine needs to know of one windowed stream: the Cin7 resource it lists, the
 * mapping of each record, the Moselle record type it delivers, and its key in the settings
 * (its lookback, and the custom fields its mapping copies).
 *
 * @param resource the Cin7 resource, from a client
 * @param mapping one Cin7 record to its outcome
 * @param type the Moselle record type delivered
 * @param settingsKey the stream's key in the tenant settings
 * @param created when a record was created, if Cin7 says (it gives ids in creation order)
 * @param <T> the Cin7 record type
 * @param <R> the Moselle record type
 * @param <K> the Moselle key type
 */
record WindowedSource<T extends Identified, R, K>(Function<Cin7Client, Cin7Resource<T>> resource, Mapping<T, R> mapping,
        RecordType<R, K> type, RecordSet settingsKey, Function<T, Instant> created) {

    private static final WindowedSource<?, ?, ?> SALES_ORDERS = new WindowedSource<>(Cin7Client::salesOrders,
            SalesOrderMapping::map, RecordType.SALES_ORDER, RecordSet.SALES_ORDERS, SalesOrder::createdDate);
    private static final WindowedSource<?, ?, ?> PURCHASE_ORDERS = new WindowedSource<>(Cin7Client::purchaseOrders,
            ReplenishmentMapping::purchaseOrder, RecordType.REPLENISHMENT_ORDER, RecordSet.PURCHASE_ORDERS,
            PurchaseOrder::createdDate);
    private static final WindowedSource<?, ?, ?> BRANCH_TRANSFERS = new WindowedSource<>(Cin7Client::branchTransfers,
            ReplenishmentMapping::transfer, RecordType.REPLENISHMENT_ORDER, RecordSet.BRANCH_TRANSFERS,
            BranchTransfer::createdDate);

    /** A pure mapping rule of {@code moselle-mapping}. */
    @FunctionalInterface
    interface Mapping<T, R> {
        Outcome<R> map(T record, Cin7Settings settings, WarehouseDirectory warehouses);
    }

    /** The description of {@code stream}, which must be windowed. */
    static WindowedSource<?, ?, ?> of(SyncStream stream) {
        switch (stream) {
            case SALES_ORDERS:
                return SALES_ORDERS;
            case PURCHASE_ORDERS:
                return PURCHASE_ORDERS;
            case BRANCH_TRANSFERS:
                return BRANCH_TRANSFERS;
            default:
                throw new IllegalArgumentException(stream + " is not read in windows");
        }
    }

    int lookbackDays(Cin7Settings settings) {
        return settings.lookbackDays(settingsKey);
    }
}
