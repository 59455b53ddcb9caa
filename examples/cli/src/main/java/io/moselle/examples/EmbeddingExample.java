package io.moselle.examples;

import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RetryPolicy;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import io.moselle.mapping.cin7.BranchSetting;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.Retraction;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.Tenant;
import io.moselle.sync.spi.FileCheckpointStore;
import io.moselle.sync.spi.MoselleSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The embedding example of the README, compiled so that it stays true. */
final class EmbeddingExample {
    private EmbeddingExample() {}

    /** A sink over the host's own store: one method per record type, upsert by key, delete retracted keys, all idempotent. */
    static final class MySink implements MoselleSink {
        @Override
        public void writeSalesOrders(SyncBatch<SalesOrder, Long> batch) {
            for (SalesOrder order : batch.upserts()) {
                // INSERT ... ON CONFLICT (tenant, external_id) DO UPDATE ...
            }
            for (Retraction<Long> r : batch.retractions()) {
                long externalId = r.key();   // DELETE FROM sales_orders WHERE tenant = ? AND external_id = ?
            }
        }

        @Override
        public void writeProducts(SyncBatch<Product, String> batch) {
            for (Product product : batch.upserts()) {
                // upsert by sku
            }
        }

        @Override
        public void productsComplete(Snapshot<Product, String> snapshot) {
            Set<String> skus = snapshot.keys();   // mark the products not in skus inactive
        }

        // warehouses, replenishment orders (keyed by ReplenishmentOrder.Key) and inventory levels likewise:
        @Override
        public void writeWarehouses(SyncBatch<Warehouse, String> batch) { }

        @Override
        public void writeReplenishmentOrders(SyncBatch<ReplenishmentOrder, ReplenishmentOrder.Key> batch) { }

        @Override
        public void writeInventoryLevels(SyncBatch<InventoryLevel, SkuWarehouse> batch) { }

        @Override
        public void warehousesComplete(Snapshot<Warehouse, String> snapshot) { }          // delete the keys not in the snapshot

        @Override
        public void inventoryLevelsComplete(Snapshot<InventoryLevel, SkuWarehouse> snapshot) { }
    }

    static void embed(String apiUsername, String apiKey) {
        SyncEngine engine = SyncEngine.builder()
                .sink(new MySink())
                .checkpointStore(new FileCheckpointStore(Path.of("/var/lib/moselle/cin7-checkpoints")))
                .clientOptions(client -> client
                        .requestTimeout(Duration.ofSeconds(60))
                        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(6)))
                .build();                                     // once, shared by every tenant

        Tenant tenant = Tenant.of("acme-nz",
                Credentials.of(apiUsername, apiKey),          // Account ID, API Application Key
                Cin7Settings.builder()
                        .branch(1, new BranchSetting("MAIN", "Main warehouse", null))
                        .branch(2, BranchSetting.mapTo("MAIN"))
                        .build());

        SyncReport report = engine.run(tenant);               // daily, or on demand
        if (report.status() != SyncStatus.SUCCEEDED) {
            // PAUSED: budget spent, the next run resumes. FAILED/PARTIAL: report.throwIfFailed() says why.
        }
    }
}
