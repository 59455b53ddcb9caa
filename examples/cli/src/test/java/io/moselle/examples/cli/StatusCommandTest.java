package io.moselle.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.moselle.cin7.client.RateLimits;
import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Product;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.RecordType;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.Tenant;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresFleetStatus;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.postgres.PostgresSchema;
import io.moselle.sync.spi.SyncListener;
import io.moselle.sync.spi.UniformSink;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code status} against a PostgreSQL whose stores two tenants ran on: one synced, one failing. */
class StatusCommandTest extends CliFixture {
    final EmbeddedPostgres postgres;
    final String url;

    StatusCommandTest() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        url = postgres.getJdbcUrl("postgres", "postgres");
        DataSource db = postgres.getPostgresDatabase();
        PostgresSchema.create(db, "fleet_");
        PostgresFleetStatus status = new PostgresFleetStatus(db, "fleet_");
        try (SyncEngine engine = SyncEngine.builder().sink(new FailingOnSalesOrdersOf("bolt")).rateLimits(RateLimits.unlimited())
                .checkpointStore(new PostgresCheckpointStore(db, "fleet_")).callBudgets(new PostgresCallBudgets(db, "fleet_", 5_000))
                .leaseStore(new PostgresLeaseStore(db, "fleet_", Duration.ofSeconds(30)))
                .clientOptions(o -> o.baseUri(sim.baseUri())).syncListener(SyncListener.all(status.recorder())).build()) {
            assertThat(engine.run(Tenant.of("acme", sim.credentials(), Cin7Settings.defaults())).status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(engine.run(Tenant.of("bolt", sim.credentials(), Cin7Settings.defaults())).status()).isEqualTo(SyncStatus.PARTIAL);
        }
    }

    @AfterEach
    void closeDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void theTableListsEveryTenantStalestFirstWithWhyItsLastRunFailed() {
        assertThat(cli("status", "--jdbc-url", url, "--prefix", "fleet_")).as(err()).isZero();

        List<String> lines = out().lines().toList();
        assertThat(lines.get(0)).startsWith("tenant").contains("data age", "last run", "failures", "calls/day", "running on");
        assertThat(lines.get(1)).as("never fresh, first").startsWith("bolt").contains("never", "PARTIAL", "SINK");
        assertThat(lines.get(2)).as("its error, under it").contains("the sink failed");
        assertThat(lines.get(3)).startsWith("acme").contains("0 min", "SUCCEEDED", "first");
        assertThat(lines.get(4)).isEqualTo("2 tenants");
    }

    @Test
    void staleAndFailingFilterAndJsonIsOneObjectPerTenant() throws Exception {
        assertThat(cli("status", "--jdbc-url", url, "--prefix", "fleet_", "--stale", "24h", "--json")).as(err()).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode bolt = MoselleJson.reader().readTree(lines.get(0));
        assertThat(bolt.get("tenantId").asText()).isEqualTo("bolt");
        assertThat(bolt.get("lastStatus").asText()).isEqualTo("PARTIAL");
        assertThat(bolt.get("failures").get(0).asText()).isEqualTo("SINK");
        assertThat(bolt.get("freshAsOf").isNull()).isTrue();
        assertThat(bolt.get("callsToday").asLong()).isPositive();

        assertThat(cli("status", "--jdbc-url", url, "--prefix", "fleet_", "--failing")).isZero();
        assertThat(out()).contains("bolt").doesNotContain("acme").contains("1 tenant\n");
    }

    @Test
    void aBadAgeOrAnUnreachableDatabaseSaysWhatIsWrong() {
        assertThat(cli("status", "--jdbc-url", url, "--stale", "soon")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("--stale must be a positive age");
        assertThat(cli("status")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("--jdbc-url is required");
        assertThat(cli("status", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret-pw")).isEqualTo(Cli.FAILED);
        assertThat(err()).contains("cannot read the fleet's status").doesNotContain("secret-pw");
    }

    /** Keeps nothing, and refuses the sales orders of one tenant. */
    record FailingOnSalesOrdersOf(String tenantId) implements UniformSink {
        @Override
        public <R, K> void write(SyncBatch<R, K> batch) {
            if (batch.tenantId().equals(tenantId) && batch.type() == RecordType.SALES_ORDER) {
                throw new IllegalStateException("disk full");
            }
        }

        @Override
        public <R, K> void retainOnly(Snapshot<R, K> snapshot) {}

        @Override
        public void productsComplete(Snapshot<Product, String> snapshot) {}
    }
}
