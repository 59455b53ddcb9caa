package io.moselle.sync;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.Where;
import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.BranchTransfer;
import io.moselle.cin7.client.model.Product;
import io.moselle.cin7.client.model.PurchaseOrder;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.ProductMapping;
import io.moselle.mapping.cin7.ReplenishmentMapping;
import io.moselle.mapping.cin7.SalesOrderMapping;
import io.moselle.mapping.cin7.SkuClaims;
import io.moselle.mapping.cin7.WarehouseDirectory;
import io.moselle.mapping.internal.InventoryAccumulator;
import java.time.Instant;
import java.util.List;

/**
 * What a sink should hold for an account, computed independently of the engine: every record
 * listed in full (no windows, no checkpoints) and mapped with the pure functions. Transactions
 * modified at or after {@code asOf} are left out: the run whose "now" that is cannot see them.
 */
final class ExpectedState {
    private ExpectedState() {}

    static RecordingSink.State of(Cin7Client client, Cin7Settings settings, Instant asOf) {
        RecordingSink.State s = new RecordingSink.State();
        List<Branch> branches = client.branches().list().stream().toList();
        WarehouseDirectory dir = WarehouseDirectory.of(branches, settings);
        dir.warehouses().forEach(w -> s.warehouses.put(w.key(), w));
        SkuClaims claims = new SkuClaims();
        for (Product p : client.products().list().stream().toList()) {
            ProductMapping.map(p, settings, claims).forEach(o -> o.record().ifPresent(r -> s.products.put(r.sku(), r)));
        }
        InventoryAccumulator inventory = new InventoryAccumulator(dir, claims.skus(), asOf);
        client.stock().list().forEach(inventory::add);
        for (InventoryLevel level : inventory.levels()) {
            s.inventory.put(level.key(), level);
        }
        Where seen = Where.field("modifiedDate").before(asOf);
        for (SalesOrder o : client.salesOrders().list(ListQuery.builder().where(seen).afterId(0).build())) {
            SalesOrderMapping.map(o, settings, dir).record().ifPresent(r -> s.salesOrders.put(r.externalId(), r));
        }
        for (PurchaseOrder o : client.purchaseOrders().list(ListQuery.builder().where(seen).afterId(0).build())) {
            put(s, ReplenishmentMapping.purchaseOrder(o, settings, dir));
        }
        for (BranchTransfer t : client.branchTransfers().list(ListQuery.builder().where(seen).afterId(0).build())) {
            put(s, ReplenishmentMapping.transfer(t, settings, dir));
        }
        return s;
    }

    private static void put(RecordingSink.State s, Outcome<ReplenishmentOrder> outcome) {
        outcome.record().ifPresent(r -> s.replenishments.put(r.key(), r));
    }
}
