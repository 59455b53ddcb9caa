package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.FaultKind;
import io.moselle.cin7.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A medium tenant synced through injected faults while runs are abandoned at random points, until
 * a run completes: the sink must end exactly as after a fault-free run, and the API key must
 * appear nowhere. Seeded: replay a failure with {@code -Dchaos.seed=N}.
 */
class ChaosTest {
    static final long SEED = Long.getLong("chaos.seed", 20_261_127L);
    static final DatasetSpec SPEC = DatasetSpec.medium(EngineFixture.NOW).withHistoryDays(365);

    @org.junit.jupiter.params.ParameterizedTest(name = "streams read {0} at a time")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 4})
    void faultsAndRestartsLoseNothingAndDuplicateNothing(int parallelism) {
        SimulatorOptions faults = SimulatorOptions.unlimited()
                .withFault(FaultKind.HTTP_500, 0.04).withFault(FaultKind.HTTP_503, 0.04).withFault(FaultKind.RATE_LIMITED, 0.03)
                .withFault(FaultKind.DROPPED_CONNECTION, 0.02).withFault(FaultKind.TRUNCATED_BODY, 0.03)
                .withFault(FaultKind.SLOW_REPLY, 0.01)
                .withSlowReplyDelay(Duration.ofMillis(500)).withFaultSeed(SEED);
        List<String> texts = new CopyOnWriteArrayList<>();
        try (EngineFixture chaos = new EngineFixture(SPEC, faults)) {
            chaos.engine = chaos.engine(b -> b.clientOptions(chaos.clientOptions(Duration.ofMillis(250))).listener(recorder(texts))
                    .streamParallelism(parallelism));
            Random random = new Random(SEED);
            chaos.sink.failWhen = batch -> random.nextInt(100) < 3;
            chaos.sim.beforeEachRequest((n, resource, query, data) -> {
                if (random.nextInt(100) < 1) {
                    chaos.engine.cancel("acme");
                }
            });
            List<SyncReport> reports = new ArrayList<>();
            SyncReport report;
            do {
                report = chaos.engine.run(chaos.tenant);
                reports.add(report);
                texts.add(report.toJson());
                texts.add(report.toString());
            } while (report.status() != SyncStatus.SUCCEEDED && reports.size() < 300);

            assertThat(report.status()).as("completed within 300 runs").isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(reports.size()).as("runs abandoned").isGreaterThan(3);
            assertThat(reports.stream().flatMap(r -> r.streams().stream()).mapToLong(StreamReport::retries).sum()).isPositive();
            assertThat(reports).anyMatch(r -> r.status() == SyncStatus.CANCELLED).anyMatch(r -> r.status() == SyncStatus.PARTIAL
                    || r.status() == SyncStatus.FAILED);
            assertThat(chaos.journal()).anyMatch(e -> e.fault() == FaultKind.TRUNCATED_BODY)
                    .anyMatch(e -> e.fault() == FaultKind.DROPPED_CONNECTION).anyMatch(e -> e.fault() == FaultKind.SLOW_REPLY);
            assertThat(chaos.sink.state("acme")).isEqualTo(faultFreeRunAt(report.startedAt()));
            assertThat(chaos.journal()).allMatch(e -> e.method().equals("GET"));
        }
        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains(Cin7OmniSimulator.DEFAULT_API_KEY));
    }

    /**
     * The state a single fault-free run leaves when it starts at {@code now}: the chaos runs' backoffs move
     * their clock on, so the last run's window ends later than the first's.
     */
    private static RecordingSink.State faultFreeRunAt(java.time.Instant now) {
        try (EngineFixture clean = new EngineFixture(SPEC)) {
            clean.clock.set(now);
            assertThat(clean.engine.run(clean.tenant).status()).isEqualTo(SyncStatus.SUCCEEDED);
            return clean.sink.state("acme");
        }
    }

    /** Keeps every text the engine hands to a listener, to search for secrets. */
    private static SyncListener recorder(List<String> texts) {
        return new SyncListener() {
            @Override
            public void retried(String tenantId, SyncStream stream, String reason, Duration delay) {
                texts.add(tenantId + " " + stream + " " + reason);
            }

            @Override
            public void streamFinished(String tenantId, StreamReport report) {
                texts.add(report.toString());
                report.errorMessage().ifPresent(texts::add);
            }
        };
    }
}
