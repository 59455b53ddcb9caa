package io.moselle.examples;

import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RetryPolicy;
import io.moselle.mapping.Product;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.cin7.BranchSetting;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.Cin7ClientFactory;
import io.moselle.sync.FileCheckpointStore;
import io.moselle.sync.MoselleSink;
import io.moselle.sync.RecordType;
import io.moselle.sync.Retraction;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.Tenant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The embedding example of the README, compiled so that it stays true. */
final class EmbeddingExample {
    private EmbeddingExample() {}

    /** A sink over the host's own store: upsert by key, delete retracted keys, both idempotent. */
    static final class MySink implements MoselleSink {
        @Override
        public void write(SyncBatch batch) {
            switch (batch.type()) {
                case SALES_ORDER -> {
                    for (SalesOrder order : batch.upserts(SalesOrder.class)) {
                        // INSERT ... ON CONFLICT (tenant, external_id) DO UPDATE ...
                    }
                    for (Retraction r : batch.retractions()) {
                        // DELETE FROM sales_orders WHERE tenant = ? AND external_id = (Long) r.key()
                    }
                }
                case PRODUCT -> batch.upserts(Product.class).forEach(p -> { /* upsert by sku */ });
                default -> { /* warehouses, replenishment orders, inventory levels likewise */ }
            }
        }

        @Override
        public void snapshotComplete(String tenantId, RecordType type, Set<?> keys) {
            // PRODUCT: mark products whose sku is not in keys inactive;
            // WAREHOUSE, INVENTORY_LEVEL: delete rows whose key is not in keys.
        }
    }

    static void embed(String apiUsername, String apiKey) {
        SyncEngine engine = SyncEngine.builder()
                .sink(new MySink())
                .checkpointStore(new FileCheckpointStore(Path.of("/var/lib/moselle/cin7-checkpoints")))
                .clientFactory(Cin7ClientFactory.standard(client -> client
                        .requestTimeout(Duration.ofSeconds(60))
                        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(6))))
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
