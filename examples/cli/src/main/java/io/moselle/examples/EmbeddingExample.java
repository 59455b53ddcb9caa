package io.moselle.examples;

import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RetryPolicy;
import io.moselle.mapping.Product;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.cin7.BranchSetting;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.spi.FileCheckpointStore;
import io.moselle.sync.spi.MoselleSink;
import io.moselle.sync.RecordType;
import io.moselle.sync.Retraction;
import io.moselle.sync.Snapshot;
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
        public void write(SyncBatch<?, ?> batch) {
            if (batch.type() == RecordType.SALES_ORDER) {
                SyncBatch<SalesOrder, Long> orders = batch.as(RecordType.SALES_ORDER);
                for (SalesOrder order : orders.upserts()) {
                    // INSERT ... ON CONFLICT (tenant, external_id) DO UPDATE ...
                }
                for (Retraction<Long> r : orders.retractions()) {
                    long externalId = r.key();   // DELETE FROM sales_orders WHERE tenant = ? AND external_id = ?
                }
            } else if (batch.type() == RecordType.PRODUCT) {
                for (Product product : batch.as(RecordType.PRODUCT).upserts()) {
                    // upsert by sku
                }
            }
            // warehouses, replenishment orders (keyed by ReplenishmentOrder.Key) and inventory levels likewise
        }

        @Override
        public void snapshotComplete(Snapshot<?, ?> snapshot) {
            if (snapshot.type() == RecordType.PRODUCT) {
                Set<String> skus = snapshot.as(RecordType.PRODUCT).keys();   // mark products not in skus inactive
            }
            // WAREHOUSE, INVENTORY_LEVEL: delete the rows whose key is not in the snapshot's keys
        }
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
