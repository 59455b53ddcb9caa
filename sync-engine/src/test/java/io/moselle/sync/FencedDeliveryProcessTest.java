package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.spi.SyncListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replicas that really die or freeze: a child JVM ({@link FencedReplicaChild}) killed with
 * {@code destroyForcibly()} at each step of a transactional delivery, or frozen with SIGSTOP
 * between pages, inside a transactional delivery and inside a fenced sink's own transaction, and
 * thawed with SIGCONT after another replica took the tenant over. Every page is applied exactly
 * once (counted by the sink in its own transactions), nothing stale is committed, and the
 * checkpoint never moves back.
 */
class FencedDeliveryProcessTest {
    static final int LEASE_SECONDS = 2;

    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW));
    final DataSource db = TestPostgres.dataSource();
    final String prefix = TestPostgres.newTables(db);
    Process child;

    @AfterEach
    void reap() throws Exception {
        if (child != null && child.isAlive()) {
            signal("CONT"); // a stopped process is killed only once it runs again
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        f.close();
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"fenced", "written", "saved", "committed"})
    void aHolderKilledAtEachStepOfATransactionalDeliveryLeavesEveryPageAppliedExactlyOnce(String step) throws Exception {
        BlockingQueue<String> out = start("transactional", step);
        assertThat(out.poll(60, TimeUnit.SECONDS)).isEqualTo("at " + step);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        SyncReport report = takeOver("transactional");
        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(new JdbcTestSink(db, prefix).state("acme")).isEqualTo(f.expected(f.tenant));
        FencingTest.assertExactlyOnce(f, db, prefix);
    }

    @ParameterizedTest(name = "{0} sink, frozen at {1}")
    @CsvSource({"transactional, between", "transactional, written", "fenced, written"})
    void aHolderFrozenThenThawedAfterATakeoverCommitsNothing(String sink, String step) throws Exception {
        BlockingQueue<String> out = start(sink, step);
        assertThat(out.poll(60, TimeUnit.SECONDS)).isEqualTo("at " + step);
        signal("STOP");
        awaitState('T'); // stopped, before it can read the line below
        long frozen = System.nanoTime();
        try (OutputStream in = child.getOutputStream()) {
            in.write("go\n".getBytes(StandardCharsets.UTF_8)); // read when it thaws
        }

        long[] tookOver = new long[1];
        SyncReport report = takeOver(sink, () -> tookOver[0] = System.nanoTime());
        Duration takeover = Duration.ofNanos(tookOver[0] - frozen);
        assertThat(report.status()).as("%s", report.streams()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(takeover).as("taken over within the lease and a few seconds").isLessThan(Duration.ofSeconds(LEASE_SECONDS + 5));
        RecordingSink.State afterTakeover = new JdbcTestSink(db, prefix).state("acme");
        Map<String, String> checkpoints = checkpoints();
        Map<String, Integer> applied = CountingJdbcSink.applicationsPerRun(db, prefix, "acme", RecordType.SALES_ORDER);
        assertThat(afterTakeover).isEqualTo(f.expected(f.tenant));

        int takenOverAt = firstRequestOf("replica-2/");
        String ending;
        try (Connection inProgress = db.getConnection(); Statement s = inProgress.createStatement()) {
            // a takeover under way: the thawed holder's renewals wait for it, so only its own sense of time can stop its calls
            inProgress.setAutoCommit(false);
            s.executeQuery("SELECT 1 FROM " + prefix + "lease WHERE lease_key IN ('tenant:acme', 'connection:SimulatedAccount') FOR UPDATE").close();
            signal("CONT");
            ending = out.poll(60, TimeUnit.SECONDS);
            inProgress.rollback();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ending).as("the thawed holder's run").startsWith("report ").doesNotContain("SUCCEEDED")
                .containsAnyOf("LEASE_LOST", "STORE");
        List<JournalEntry> journal = f.journal();
        assertThat(journal.subList(takenOverAt, journal.size())).as("no call by the thawed holder once another replica runs the tenant")
                .noneMatch(e -> e.userAgent().contains("(child/"));
        assertThat(CountingJdbcSink.applicationsPerRun(db, prefix, "acme", RecordType.SALES_ORDER))
                .as("nothing committed by the old holder once it woke").isEqualTo(applied);
        assertThat(new JdbcTestSink(db, prefix).state("acme")).isEqualTo(afterTakeover);
        assertThat(checkpoints()).as("the checkpoints never moved back").isEqualTo(checkpoints);
        if (sink.equals("transactional")) {
            FencingTest.assertExactlyOnce(f, db, prefix);
        }
    }

    /** A child replica with {@code sink} that stops at {@code step}; its output lines, as they come. */
    BlockingQueue<String> start(String sink, String step) throws IOException {
        child = new ProcessBuilder(ChildJvm.command(FencedReplicaChild.class,
                f.sim.baseUri().toString(), f.tenant.credentials().username(), f.tenant.credentials().apiKey(),
                TestPostgres.jdbcUrl("postgres"), prefix, EngineFixture.NOW.toString(), Integer.toString(LEASE_SECONDS), sink, step))
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("at ") || line.startsWith("report ")) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the child died
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    SyncReport takeOver(String sink) throws Exception {
        return takeOver(sink, () -> { });
    }

    /** Another replica runs the tenant as soon as the lease allows; {@code started} runs when its first stream starts. */
    SyncReport takeOver(String sink, Runnable started) throws Exception {
        DataSource own = TestPostgres.dataSource();
        PostgresLeaseStore leases = new PostgresLeaseStore(own, prefix, Duration.ofSeconds(LEASE_SECONDS));
        SyncEngine.Builder b = f.builder().holderName("replica-2").checkpointStore(new PostgresCheckpointStore(own, prefix))
                .callBudgets(new PostgresCallBudgets(own, prefix, 100_000)).leaseStore(leases)
                .syncListener(new SyncListener() {
                    @Override
                    public void streamStarted(String tenantId, SyncStream stream, Optional<Window> window) {
                        if (stream == SyncStream.BRANCHES) {
                            started.run();
                        }
                    }
                });
        SyncEngine replica = sink.equals("transactional") ? b.sink(new CountingJdbcSink.Transactional(own, prefix)).build()
                : b.sink(new CountingJdbcSink.Fenced(own, prefix, leases)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                return replica.run(f.tenant);
            } catch (SyncAlreadyRunningException e) {
                assertThat(attempt).as("still held after the lease expired: " + e.getMessage()).isLessThan(4);
                waitForTheLeaseToExpire();
            }
        }
    }

    /** The position in the simulator's journal of the first request {@code holder} made. */
    int firstRequestOf(String holder) {
        List<JournalEntry> journal = f.journal();
        for (int i = 0; i < journal.size(); i++) {
            if (journal.get(i).userAgent().contains("(" + holder)) {
                return i;
            }
        }
        throw new AssertionError("no request by " + holder);
    }

    /** Waits, in the database, until the tenant's lease expires on the database's clock. */
    void waitForTheLeaseToExpire() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_sleep(GREATEST(0, EXTRACT(EPOCH FROM expires_at - clock_timestamp()))::float8 + 0.05)"
                        + " FROM " + prefix + "lease WHERE lease_key = 'tenant:acme'")) {
            assertThat(rs.next()).isTrue();
        }
    }

    /** Every checkpoint of the tenant: name to state and the token it was saved under. */
    Map<String, String> checkpoints() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, state::text, lease_token FROM " + prefix + "checkpoint WHERE tenant_id = 'acme'")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2) + " @" + rs.getLong(3));
            }
        }
        return rows;
    }

    /** Waits until the child's state in {@code /proc} is {@code state} ({@code T}: stopped by a signal). */
    void awaitState(char state) throws Exception {
        Path stat = Path.of("/proc", Long.toString(child.pid()), "stat");
        long since = System.nanoTime();
        while (true) {
            String line = java.nio.file.Files.readString(stat);
            if (line.charAt(line.lastIndexOf(')') + 2) == state) {
                return;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - since)).as("the child stopped").isLessThan(Duration.ofSeconds(10));
            Thread.onSpinWait();
        }
    }

    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -" + name).isZero();
    }
}
