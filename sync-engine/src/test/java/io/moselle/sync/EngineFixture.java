package io.moselle.sync;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.client.RetryPolicy;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.simulator.SimulatedData;
import io.moselle.cin7.testing.FakeClock;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.spi.Checkpoint;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** A simulator, a fake clock, a recording sink and an engine wired together. */
final class EngineFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    final Cin7OmniSimulator sim;
    final FakeClock clock = new FakeClock(NOW);
    final RecordingSink sink = new RecordingSink();
    final CrashingCheckpointStore checkpoints = new CrashingCheckpointStore();
    final Tenant tenant;
    SyncEngine engine;

    EngineFixture(DatasetSpec spec) {
        this(spec, io.moselle.cin7.simulator.SimulatorOptions.unlimited());
    }

    EngineFixture(DatasetSpec spec, io.moselle.cin7.simulator.SimulatorOptions options) {
        this(spec, clock -> options);
    }

    /** A simulator whose options may use the fixture's fake clock, e.g. for its rate limits. */
    EngineFixture(DatasetSpec spec, Function<FakeClock, io.moselle.cin7.simulator.SimulatorOptions> options) {
        this.sim = Cin7OmniSimulator.start(spec, options.apply(clock));
        this.tenant = Tenant.of("acme", sim.credentials(), Cin7Settings.defaults());
        this.engine = engine(b -> b);
    }

    /**
     * An engine on the fixture, reading one page at a time unless {@code customize} says otherwise:
     * most tests pin what a sequential run does page by page; parallel runs have tests of their own.
     */
    SyncEngine engine(Function<SyncEngine.Builder, SyncEngine.Builder> customize) {
        return customize.apply(builder().sink(sink).checkpointStore(checkpoints)).build();
    }

    /** A builder on the fixture's simulator and clock, reading one page at a time, with no sink or checkpoint store yet. */
    SyncEngine.Builder builder() {
        return SyncEngine.builder()
                .parallelism(1)
                .clock(clock)
                .pacing(clock, clock.sleeper())
                .rateLimits(RateLimits.unlimited())
                .callBudgets(c -> CallBudget.unlimited())
                .clientOptions(clientOptions(Duration.ofSeconds(5)));
    }

    /** The simulator, on the fake clock, with {@code requestTimeout}. */
    java.util.function.Consumer<Cin7Client.Options> clientOptions(Duration requestTimeout) {
        return options -> options.baseUri(sim.baseUri()).httpVersion(HttpClient.Version.HTTP_1_1)
                .requestTimeout(requestTimeout).clock(clock).sleeper(clock.sleeper()).random(() -> 0.5)
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(8));
    }

    /** The last id delivered in the first pending slice of a checkpoint. */
    static long lastId(Checkpoint checkpoint) {
        return checkpoint.pending().get(0).lastId();
    }

    /**
     * The fewest calls a first run can make, counted from the account's own data: one listing of
     * each snapshot, and of each windowed stream's recent part and of its older history, read
     * newest first (a listing of n records takes n / 250 + 1 pages: a short page ends it).
     */
    static long firstRunMinimum(SimulatedData data, Tenant tenant, Instant now) {
        long minimum = ReportAndListenerTest.listing(data.count(SimulatedData.BRANCHES))
                + ReportAndListenerTest.listing(data.count(SimulatedData.PRODUCTS))
                + ReportAndListenerTest.listing(data.count(SimulatedData.STOCK));
        for (SyncStream stream : SyncStream.values()) {
            if (stream.isWindowed()) {
                Instant recentFrom = now.minus(Duration.ofDays(tenant.settings().lookbackDays(stream.settingsKey().orElseThrow())));
                Instant historyFrom = now.minus(Duration.ofDays(tenant.settings().initialHistoryDays()));
                String table = RESOURCES.get(stream);
                minimum += ReportAndListenerTest.listing(ReportAndListenerTest.modifiedIn(data, table, new Window(recentFrom, now)))
                        + ReportAndListenerTest.listing(ReportAndListenerTest.modifiedIn(data, table, new Window(historyFrom, recentFrom)));
            }
        }
        return minimum;
    }

    private static final java.util.Map<SyncStream, String> RESOURCES = java.util.Map.of(SyncStream.SALES_ORDERS,
            SimulatedData.SALES_ORDERS, SyncStream.PURCHASE_ORDERS, SimulatedData.PURCHASE_ORDERS, SyncStream.BRANCH_TRANSFERS,
            SimulatedData.BRANCH_TRANSFERS);

    /** A client of its own, for computing what the sink should hold. */
    Cin7Client client(Credentials credentials) {
        return Cin7Client.builder().baseUri(sim.baseUri()).credentials(credentials).httpVersion(HttpClient.Version.HTTP_1_1)
                .rateLimits(RateLimits.unlimited()).callBudget(CallBudget.unlimited()).build();
    }

    RecordingSink.State expected(Tenant t) {
        return expected(t, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** What a run starting at {@code runStart} should leave (a run's backoffs move the fake clock on). */
    RecordingSink.State expected(Tenant t, Instant runStart) {
        return ExpectedState.of(client(t.credentials()), t.settings(), runStart);
    }

    /** What one uninterrupted run leaves in a fresh fixture of {@code spec}. */
    static RecordingSink.State uninterruptedRun(DatasetSpec spec) {
        try (EngineFixture clean = new EngineFixture(spec)) {
            clean.engine.run(clean.tenant);
            return clean.sink.state("acme");
        }
    }

    /** Where a run can die: each a point that can be chosen by its 1-based count. */
    enum CrashPoint {
        /** The sink refuses a batch. */
        SINK_REFUSES,
        /** The sink applies a batch, then the process dies before the checkpoint is saved. */
        SINK_APPLIES_THEN_DIES,
        /** The checkpoint store throws on a save. */
        CHECKPOINT_SAVE_FAILS,
        /** The sink applies the end of a snapshot, then dies. */
        SNAPSHOT_END_DIES;

        /** How many such points a small tenant's first run has at least: three snapshot ends, more of the others. */
        int minimum() {
            return this == SNAPSHOT_END_DIES ? 3 : 6;
        }
    }

    /**
     * Runs again and again, dying at the first such point in the first run, the second in the
     * second, and so on, until a run succeeds; then once more with nothing failing. Returns the
     * number of runs abandoned.
     */
    int crashAtEachPointInTurn(SyncEngine engine, CrashPoint point) {
        int crashes = 0;
        for (int crashAt = 1; crashAt < 1_000; crashAt++) {
            int limit = crashAt;
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            switch (point) {
                case SINK_REFUSES -> sink.failWhen = b -> seen.incrementAndGet() == limit;
                case SINK_APPLIES_THEN_DIES -> sink.crashAfterApplyWhen = b -> seen.incrementAndGet() == limit;
                case CHECKPOINT_SAVE_FAILS -> checkpoints.failSaveWhen = n -> seen.incrementAndGet() == limit;
                case SNAPSHOT_END_DIES -> sink.snapshotCrashWhen = s -> seen.incrementAndGet() == limit;
            }
            SyncStatus status = engine.run(tenant).status();
            healthy();
            if (status == SyncStatus.SUCCEEDED) {
                break;
            }
            crashes++;
        }
        engine.run(tenant);
        return crashes;
    }

    /** Nothing fails any more. */
    void healthy() {
        sink.failWhen = b -> false;
        sink.crashAfterApplyWhen = b -> false;
        sink.snapshotCrashWhen = s -> false;
        checkpoints.failSaveWhen = n -> false;
    }

    /** The next day, on both the account and the engine's clock. */
    void nextDay() {
        sim.data().nextDay();
        clock.advance(Duration.ofDays(1));
    }

    List<JournalEntry> journal() {
        return sim.journal();
    }

    @Override
    public void close() {
        sim.close();
    }
}
