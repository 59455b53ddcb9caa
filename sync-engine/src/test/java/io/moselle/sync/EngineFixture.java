package io.moselle.sync;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.client.RetryPolicy;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.testing.FakeClock;
import io.moselle.mapping.cin7.Cin7Settings;
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
    final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    final Tenant tenant;
    SyncEngine engine;

    EngineFixture(DatasetSpec spec) {
        this(spec, io.moselle.cin7.simulator.SimulatorOptions.unlimited());
    }

    EngineFixture(DatasetSpec spec, io.moselle.cin7.simulator.SimulatorOptions options) {
        this.sim = Cin7OmniSimulator.start(spec, options);
        this.tenant = Tenant.of("acme", sim.credentials(), Cin7Settings.defaults());
        this.engine = engine(b -> b);
    }

    SyncEngine engine(Function<SyncEngine.Builder, SyncEngine.Builder> customize) {
        return customize.apply(SyncEngine.builder()
                        .sink(sink)
                        .checkpointStore(checkpoints)
                        .clock(clock)
                        .pacingClock(clock)
                        .rateLimits(RateLimits.unlimited())
                        .callBudgets(c -> CallBudget.unlimited())
                        .clientOptions(clientOptions(Duration.ofSeconds(5))))
                .build();
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

    /**
     * Runs again and again, the sink refusing the first batch of the first run, the second of
     * the second, and so on, until a run succeeds; then once more with a healthy sink. Returns
     * the number of runs abandoned.
     */
    int crashAtEachBatchInTurn(SyncEngine engine) {
        int crashes = 0;
        for (int crashAt = 1; crashAt < 1_000; crashAt++) {
            int limit = crashAt;
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            sink.failWhen = b -> seen.incrementAndGet() == limit;
            if (engine.run(tenant).status() == SyncStatus.SUCCEEDED) {
                break;
            }
            crashes++;
        }
        sink.failWhen = b -> false;
        engine.run(tenant);
        return crashes;
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
