package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.postgres.PostgresSchema;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.MoselleSink;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several replicas of the host on one real PostgreSQL: engines with connections of their own
 * (and one in a JVM of its own), sharing checkpoints, call budgets and leases.
 */
class PostgresFleetTest {
    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW));
    final DataSource db = TestPostgres.dataSource();
    final String prefix = TestPostgres.newTables(db);

    @AfterEach
    void close() {
        f.close();
    }

    /** A replica: an engine on the PostgreSQL stores, with a data source of its own. */
    SyncEngine replica(String name, DataSource dataSource, MoselleSink sink, Duration leaseDuration) {
        return f.engine(b -> b.sink(sink).holderName(name)
                .checkpointStore(new PostgresCheckpointStore(dataSource, prefix))
                .callBudgets(new PostgresCallBudgets(dataSource, prefix, 100_000))
                .leaseStore(new PostgresLeaseStore(dataSource, prefix, leaseDuration)));
    }

    @Test
    void twoEnginesWithConnectionsOfTheirOwnRunOneTenantAtOnceExactlyOneRuns() throws Exception {
        CountDownLatch inSink = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        f.sink.failWhen = b -> {
            inSink.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        };
        SyncEngine one = replica("replica-1", db, f.sink, Duration.ofSeconds(30));
        SyncEngine two = replica("replica-2", TestPostgres.dataSource(), f.sink, Duration.ofSeconds(30));
        CompletableFuture<SyncReport> first = one.runAsync(f.tenant, Executors.newSingleThreadExecutor());
        assertThat(inSink.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> two.run(f.tenant)).isInstanceOf(SyncAlreadyRunningException.class)
                .hasMessageStartingWith("a sync of tenant acme cannot start: it is already running in replica-1/");
        Tenant sameConnection = Tenant.of("acme-eu", f.tenant.credentials(), Cin7Settings.defaults());
        assertThatThrownBy(() -> two.run(sameConnection)).isInstanceOf(SyncAlreadyRunningException.class)
                .hasMessageStartingWith("a sync of tenant acme-eu cannot start: its API connection SimulatedAccount is in use by replica-1/");
        assertThat(f.journal()).as("the refused runs sent nothing").allMatch(e -> e.resource().equals("v1/Branches"));

        release.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(two.run(f.tenant).status()).as("free again once the first ended").isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void aHolderKilledMidRunLosesTheLeaseWithinItsDurationAndAnotherReplicaFinishes() throws Exception {
        int leaseSeconds = 3;
        JdbcTestSink sink = new JdbcTestSink(db, prefix);
        Process child = new ProcessBuilder(ChildJvm.command(LeaseHolderChild.class,
                f.sim.baseUri().toString(), f.tenant.credentials().username(), f.tenant.credentials().apiKey(),
                TestPostgres.jdbcUrl("postgres"), prefix, EngineFixture.NOW.toString(), Integer.toString(leaseSeconds), "4"))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("stuck")) {
                // wait for the child to be mid-run: the last 90 days of sales orders (two pages) and two pages of older ones
                // delivered and checkpointed
            }
            assertThat(line).as("the child's output ended before it got mid-run").isEqualTo("stuck");
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long killed = System.nanoTime();
        f.sim.clearJournal();

        SyncEngine survivor = replica("replica-2", TestPostgres.dataSource(), sink, Duration.ofSeconds(30));
        assertThatThrownBy(() -> survivor.run(f.tenant)).isInstanceOf(SyncAlreadyRunningException.class)
                .hasMessageContaining("it is already running in child/");
        double left = waitForTheLeaseToExpire("tenant:acme");
        SyncReport report = survivor.run(f.tenant);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);

        assertThat(left).as("seconds of lease left after the kill").isLessThanOrEqualTo(leaseSeconds);
        assertThat(takeover).isLessThan(Duration.ofSeconds(leaseSeconds + 5));
        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.journal()).filteredOn(e -> e.resource().equals("v1/SalesOrders")).extracting(e -> e.param("where"))
                .as("the older orders resumed after the child's last page").anyMatch(w -> w.endsWith("id>500"))
                .noneMatch(w -> w.startsWith("modifiedDate>='2024-11-27T06:00:00Z'") && w.endsWith("id>0"));
        assertThat(sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void aRunWhoseLeaseIsTakenOverStopsAndLeavesTheCheckpointToTheNewHolder() {
        PostgresLeaseStore leases = new PostgresLeaseStore(db, prefix, Duration.ofSeconds(30));
        RecordingSink sink = new RecordingSink();
        sink.failWhen = b -> {
            if (b.type() == RecordType.SALES_ORDER && sink.batches.stream().noneMatch(x -> x.type() == RecordType.SALES_ORDER)) {
                expire("tenant:acme");
                leases.acquire("tenant:acme", "replica-2/new");
            }
            return false;
        };
        SyncReport report = replica("replica-1", db, sink, Duration.ofSeconds(30)).run(f.tenant);

        StreamReport sales = report.stream(SyncStream.SALES_ORDERS).orElseThrow();
        assertThat(sales.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(sales.error()).hasValueSatisfying(m -> assertThat(m)
                .contains("checkpoint SALES_ORDERS of tenant acme not saved").contains("taken over by a newer holder"));
        for (SyncStream later : List.of(SyncStream.PURCHASE_ORDERS, SyncStream.BRANCH_TRANSFERS)) {
            assertThat(report.stream(later).orElseThrow().status()).isEqualTo(SyncStatus.FAILED);
            assertThat(report.stream(later).orElseThrow().error()).hasValueSatisfying(m -> assertThat(m).contains("tenant:acme"));
        }
        assertThat(f.journal()).noneMatch(e -> e.resource().equals("v1/PurchaseOrders"));
        assertThat(new PostgresCheckpointStore(db, prefix).load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).as("never written by the old holder").isEmpty();
    }

    @Test
    void theDatabaseGoingAwayMidRunFailsWhatItReachesClearlyAndTheNextRunResumes() throws Exception {
        String database = TestPostgres.newDatabase();
        DataSource stores = TestPostgres.dataSource(database);
        PostgresSchema.create(stores, prefix);
        RecordingSink sink = new RecordingSink();
        sink.failWhen = b -> {
            // the fourth page of sales orders: the last 90 days (two pages) and one older page are in
            if (b.type() == RecordType.SALES_ORDER && sink.batches.stream().filter(x -> x.type() == RecordType.SALES_ORDER).count() == 3) {
                TestPostgres.execute(db, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                TestPostgres.execute(db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
            return false;
        };
        SyncEngine engine = f.engine(b -> b.sink(sink).holderName("replica-1")
                .checkpointStore(new PostgresCheckpointStore(stores, prefix))
                .callBudgets(new PostgresCallBudgets(stores, prefix, 100_000))
                .leaseStore(new PostgresLeaseStore(stores, prefix, Duration.ofSeconds(30))));

        SyncReport broken = engine.run(f.tenant);
        assertThat(broken.status()).isEqualTo(SyncStatus.PARTIAL);
        for (SyncStream stream : List.of(SyncStream.SALES_ORDERS, SyncStream.PURCHASE_ORDERS, SyncStream.BRANCH_TRANSFERS)) {
            StreamReport s = broken.stream(stream).orElseThrow();
            assertThat(s.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(s.error()).hasValueSatisfying(m -> assertThat(m).containsAnyOf("cannot save checkpoint",
                    "cannot load checkpoint", "cannot count a call against the daily budget").contains(database));
        }
        assertThat(f.journal()).as("no call without the budget's count: the older purchase orders, planned before the database went away,"
                + " are not read").filteredOn(e -> e.resource().equals("v1/PurchaseOrders"))
                .noneMatch(e -> e.param("where").startsWith("modifiedDate>='2024-11-27T06:00:00Z'"));

        TestPostgres.execute(db, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        long lastId = EngineFixture.lastId(new PostgresCheckpointStore(stores, prefix).load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow());
        f.sim.clearJournal();
        sink.failWhen = b -> false;
        SyncReport resumed = engine.run(f.tenant);
        assertThat(resumed.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(lastId).as("the last page saved before the database went away").isPositive();
        assertThat(f.journal()).filteredOn(e -> e.resource().equals("v1/SalesOrders")).extracting(e -> e.param("where"))
                .anyMatch(w -> w.endsWith("id>" + lastId));
        assertThat(sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    void expire(String key) {
        TestPostgres.expireLease(db, prefix, key);
    }

    /** Waits, in the database, until the lease expires on the database's clock; returns the seconds it had left. */
    double waitForTheLeaseToExpire(String key) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT left_s, pg_sleep(left_s + 0.05) FROM (SELECT GREATEST(0, EXTRACT(EPOCH FROM"
                        + " expires_at - clock_timestamp()))::float8 AS left_s FROM " + prefix + "lease WHERE lease_key = '"
                        + key + "') l")) {
            assertThat(rs.next()).isTrue();
            return rs.getDouble(1);
        }
    }
}
