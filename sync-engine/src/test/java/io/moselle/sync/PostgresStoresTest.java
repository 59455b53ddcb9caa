package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.client.CallBudget;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.postgres.PostgresSchema;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The PostgreSQL stores on a real PostgreSQL, each process played by data sources of its own. */
class PostgresStoresTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final Window WINDOW = new Window(NOW.minus(Duration.ofDays(90)), NOW);

    final DataSource db = TestPostgres.dataSource();
    final String prefix = TestPostgres.newTables(db);

    void expire(String key) {
        TestPostgres.expireLease(db, prefix, key);
    }

    @Test
    void theSchemaIsCreatedOnceAndOnlyWithAPlainPrefix() {
        PostgresSchema.create(db, prefix);
        PostgresSchema.create(TestPostgres.dataSource(), prefix);
        assertThat(PostgresSchema.sql("acme_")).contains("CREATE TABLE IF NOT EXISTS acme_checkpoint")
                .contains("acme_call_budget").contains("acme_lease").doesNotContain("${prefix}");
        assertThatThrownBy(() -> PostgresSchema.sql("x; DROP TABLE y; --")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tablePrefix");
        assertThatThrownBy(() -> new PostgresCheckpointStore(db, "Bad-Prefix")).hasMessageContaining("tablePrefix");
    }

    @Test
    void aLeaseIsExclusiveNamesItsHolderAndEachAcquisitionHasAGreaterToken() {
        PostgresLeaseStore here = new PostgresLeaseStore(db, prefix, Duration.ofSeconds(30));
        PostgresLeaseStore there = new PostgresLeaseStore(TestPostgres.dataSource(), prefix, Duration.ofSeconds(30));

        Lease first = here.acquire("tenant:acme", "replica-1/abc");
        assertThatThrownBy(() -> there.acquire("tenant:acme", "replica-2/def"))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageStartingWith("tenant:acme is held by replica-1/abc (it expires in ")
                .hasMessageEndingWith(" s unless renewed)");
        assertThat(first.renew()).isTrue();

        first.release();
        assertThat(first.renew()).as("released").isFalse();
        Lease second = there.acquire("tenant:acme", "replica-2/def");
        assertThat(second.token()).isGreaterThan(first.token());

        expire("tenant:acme");
        Lease third = here.acquire("tenant:acme", "replica-1/abc");
        assertThat(third.token()).isGreaterThan(second.token());
        assertThat(second.renew()).as("taken over after it expired").isFalse();
        second.release();
        assertThat(third.renew()).as("the old holder's release changes nothing").isTrue();
        assertThat(here.acquire("tenant:other", "replica-1/abc").token()).isEqualTo(1);
    }

    @Test
    void aStaleHoldersCheckpointSaveIsRejectedAndChangesNothing() {
        PostgresLeaseStore leases = new PostgresLeaseStore(db, prefix, Duration.ofSeconds(30));
        PostgresCheckpointStore stale = new PostgresCheckpointStore(db, prefix);
        PostgresCheckpointStore current = new PostgresCheckpointStore(TestPostgres.dataSource(), prefix);
        Lease old = leases.acquire("tenant:acme", "frozen/1");
        stale.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(5_000), old);

        expire("tenant:acme");
        Lease taken = leases.acquire("tenant:acme", "replica-2/2");
        current.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(7_500), taken);

        assertThatThrownBy(() -> stale.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(5_250), old))
                .isInstanceOf(LeaseLostException.class)
                .hasMessage("checkpoint SALES_ORDERS of tenant acme not saved: the lease tenant:acme (token " + old.token()
                        + ") has expired or been taken over by a newer holder");
        assertThatThrownBy(() -> stale.save("acme", CheckpointKey.daily(SyncStream.PURCHASE_ORDERS), pending(1), old)).isInstanceOf(LeaseLostException.class);
        assertThat(current.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).contains(pending(7_500));
        assertThat(current.load("acme", CheckpointKey.daily(SyncStream.PURCHASE_ORDERS))).isEmpty();
    }

    @Test
    void checkpointsRoundTripPerTenantAndNameAndACorruptRowNamesTheRecovery() {
        PostgresCheckpointStore store = new PostgresCheckpointStore(db, prefix);
        Lease lease = new PostgresLeaseStore(db, prefix, Duration.ofSeconds(30)).acquire("tenant:acme", "me/1");
        Checkpoint done = new Checkpoint(WINDOW, List.of());
        store.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(42), lease);
        store.save("acme", CheckpointKey.resync(SyncStream.SALES_ORDERS), done, lease);
        assertThat(store.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).contains(pending(42));
        assertThat(store.load("acme", CheckpointKey.resync(SyncStream.SALES_ORDERS))).contains(done);
        assertThat(store.load("other", CheckpointKey.daily(SyncStream.SALES_ORDERS))).isEmpty();

        TestPostgres.execute(db, "UPDATE " + prefix + "checkpoint SET state = '{\"pending\": 3}' WHERE name = 'SALES_ORDERS'");
        assertThatThrownBy(() -> store.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("checkpoint SALES_ORDERS of tenant acme in " + prefix + "checkpoint is invalid")
                .hasMessageContaining("To recover, delete its row");
    }

    @Test
    void twoProcessesSpendingOneConnectionsBudgetNeverExceedTheCap() throws Exception {
        CallBudget one = new PostgresCallBudgets(db, prefix, 250).forConnection("AcmeNZ");
        CallBudget two = new PostgresCallBudgets(TestPostgres.dataSource(), prefix, 250).forConnection("AcmeNZ");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> spenders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                CallBudget budget = t % 2 == 0 ? one : two;
                spenders.add(() -> {
                    int granted = 0;
                    for (int i = 0; i < 50; i++) {
                        granted += budget.tryAcquire(NOW) ? 1 : 0;
                    }
                    return granted;
                });
            }
            int granted = 0;
            for (Future<Integer> f : pool.invokeAll(spenders, 60, TimeUnit.SECONDS)) {
                granted += f.get();
            }
            assertThat(granted).as("400 tried, 250 allowed").isEqualTo(250);
        } finally {
            pool.shutdownNow();
        }
        assertThat(one.remaining(NOW)).isZero();
        assertThat(one.tryAcquire(NOW)).isFalse();
        assertThat(new PostgresCallBudgets(db, prefix, 250).forConnection("OtherNZ").remaining(NOW)).as("another connection").isEqualTo(250);
    }

    @Test
    void aRestartKeepsTheDaysCount() {
        CallBudget before = new PostgresCallBudgets(db, prefix, 5_000).forConnection("AcmeNZ");
        for (int i = 0; i < 7; i++) {
            assertThat(before.tryAcquire(NOW)).isTrue();
        }
        CallBudget afterRestart = new PostgresCallBudgets(TestPostgres.dataSource(), prefix, 5_000).forConnection("AcmeNZ");
        assertThat(afterRestart.remaining(NOW)).isEqualTo(4_993);
        assertThat(afterRestart.tryAcquire(NOW)).isTrue();
        assertThat(before.remaining(NOW)).isEqualTo(4_992);
    }

    @Test
    void theBudgetsDayIsTheDatabasesUtcDateWhateverTheNodesClockSays() throws Exception {
        CallBudget budget = new PostgresCallBudgets(db, prefix, 5).forConnection("AcmeNZ");
        Instant nodeThinksItIsTomorrow = Instant.now().plus(Duration.ofDays(1));
        assertThat(budget.tryAcquire(nodeThinksItIsTomorrow)).isTrue();
        assertThat(budget.tryAcquire(Instant.EPOCH)).isTrue();
        assertThat(budget.remaining(nodeThinksItIsTomorrow)).as("both calls counted in one day").isEqualTo(3);

        java.time.LocalDate today;
        try (var c = db.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT day, used FROM " + prefix + "call_budget WHERE connection = 'AcmeNZ'")) {
            assertThat(rs.next()).isTrue();
            today = rs.getObject(1, java.time.LocalDate.class);
            assertThat(rs.getLong(2)).isEqualTo(2);
            assertThat(rs.next()).isFalse();
        }
        try (var c = db.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT (clock_timestamp() AT TIME ZONE 'UTC')::date")) {
            rs.next();
            assertThat(today).as("the database's UTC date").isEqualTo(rs.getObject(1, java.time.LocalDate.class));
        }
        TestPostgres.execute(db, "UPDATE " + prefix + "call_budget SET day = day - 1");
        assertThat(budget.remaining(Instant.EPOCH)).as("yesterday's calls, on the database's calendar, count no more").isEqualTo(5);
        assertThat(budget.nextReset(Instant.EPOCH)).hasValueSatisfying(reset -> assertThat(reset)
                .isEqualTo(today.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }

    static Checkpoint pending(long lastId) {
        return new Checkpoint(WINDOW, List.of(new Slice(WINDOW, lastId)));
    }
}
