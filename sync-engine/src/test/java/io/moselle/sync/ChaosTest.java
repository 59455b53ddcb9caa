package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.FaultKind;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.simulator.Seeded;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.sync.spi.SyncListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tenant synced through injected faults while runs are abandoned (sink failures, cancels) until
 * a run completes: the sink must end exactly as after a fault-free run, and the API key must appear
 * nowhere. Every random decision is drawn from the seed and the event it is drawn for (the
 * request, the batch), never from a sequence shared by threads, so a seed replays the same runs
 * with parallel streams too: replay a failure with {@code -Dchaos.seed=N}.
 */
class ChaosTest {
    static final long SEED = Long.getLong("chaos.seed", 20_261_127L);
    static final DatasetSpec SPEC = DatasetSpec.medium(EngineFixture.NOW).withHistoryDays(365);

    /** What a chaos session did. */
    record Session(List<SyncStatus> runs, List<String> requests, List<JournalEntry> journal, RecordingSink.State state,
            Instant lastStart, List<String> texts, long retries) {}

    /**
     * Runs until a run succeeds (at most 300). Sink batches fail at 3%; runs are cancelled at 1% of
     * requests, or, with parallel reads, at half of the branch requests, when only one thread
     * works, so that where each stream stands when a run stops is the same from one replay to the next.
     * Slow replies past the request timeout take real time (the JDK's timeout), and a reply slowed
     * by a busy machine could time out too; a connection dropped on a pooled connection is retried
     * once by the JDK's client itself, unseen, and whether the connection was pooled depends on
     * the timing of parallel reads: a session that must replay exactly goes without both.
     */
    static Session chaos(DatasetSpec spec, int parallelism, boolean timingFaults) {
        boolean slowReplies = timingFaults;
        SimulatorOptions faults = SimulatorOptions.unlimited()
                .withFault(FaultKind.HTTP_500, 0.04).withFault(FaultKind.HTTP_503, 0.04).withFault(FaultKind.RATE_LIMITED, 0.03)
                .withFault(FaultKind.DROPPED_CONNECTION, timingFaults ? 0.02 : 0).withFault(FaultKind.TRUNCATED_BODY, 0.03)
                .withFault(FaultKind.SLOW_REPLY, slowReplies ? 0.02 : 0)
                .withSlowReplyDelay(Duration.ofMillis(500)).withFaultSeed(SEED);
        Duration requestTimeout = slowReplies ? Duration.ofMillis(250) : Duration.ofSeconds(10);
        List<String> texts = new CopyOnWriteArrayList<>();
        try (EngineFixture chaos = new EngineFixture(spec, faults)) {
            java.util.concurrent.atomic.AtomicInteger run = new java.util.concurrent.atomic.AtomicInteger();
            EngineFixture fixture = chaos;
            SyncListener cancelling = new SyncListener() {
                @Override
                public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
                    if (parallelism > 1 && stream == SyncStream.BRANCHES && Seeded.draw(SEED, "cancel run", run.get()) < 0.7) {
                        fixture.engine.cancel("acme");
                    }
                }
            };
            chaos.engine = chaos.engine(b -> b.clientOptions(chaos.clientOptions(requestTimeout)).syncListener(both(recorder(texts), cancelling))
                    .parallelism(parallelism));
            Map<String, Integer> seen = new ConcurrentHashMap<>();
            chaos.sink.failWhen = batch -> draw("sink " + identity(batch), seen) < 0.03;
            chaos.sim.beforeEachRequest((n, resource, query, data) -> {
                if (parallelism == 1 && draw("cancel " + resource + "?" + new TreeMap<>(query), seen) < 0.01) {
                    chaos.engine.cancel("acme");
                }
            });
            List<SyncReport> reports = new ArrayList<>();
            SyncReport report;
            do {
                run.incrementAndGet();
                report = chaos.engine.run(chaos.tenant);
                reports.add(report);
                texts.add(report.toJson());
                texts.add(report.toString());
            } while (report.status() != SyncStatus.SUCCEEDED && reports.size() < 300);
            List<JournalEntry> journal = chaos.journal();
            System.out.printf("chaos seed %d, %d stream(s) at a time: %d runs, %d requests%n", SEED, parallelism, reports.size(),
                    journal.size());
            return new Session(reports.stream().map(SyncReport::status).toList(),
                    journal.stream().map(e -> e.resource() + "?" + new TreeMap<>(e.query()) + " " + e.status() + " " + e.fault())
                            .sorted().toList(),
                    journal, chaos.sink.state("acme"), report.startedAt(), texts,
                    reports.stream().flatMap(r -> r.streams().stream()).mapToLong(StreamReport::retries).sum());
        }
    }

    @ParameterizedTest(name = "streams read {0} at a time")
    @ValueSource(ints = {1, 4})
    void faultsAndRestartsLoseNothingAndDuplicateNothing(int parallelism) {
        Session session = chaos(SPEC, parallelism, true);

        assertThat(session.runs()).as("completed within 300 runs").last().isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(session.runs()).as("runs abandoned").hasSizeGreaterThan(3)
                .contains(SyncStatus.CANCELLED).containsAnyOf(SyncStatus.PARTIAL, SyncStatus.FAILED);
        assertThat(session.retries()).isPositive();
        assertThat(session.journal()).anyMatch(e -> e.fault() == FaultKind.TRUNCATED_BODY)
                .anyMatch(e -> e.fault() == FaultKind.DROPPED_CONNECTION).anyMatch(e -> e.fault() == FaultKind.SLOW_REPLY)
                .allMatch(e -> e.method().equals("GET"));
        assertThat(session.state()).isEqualTo(faultFreeRunAt(SPEC, session.lastStart()));
        String base64Key = Base64.getEncoder().encodeToString(Cin7OmniSimulator.DEFAULT_API_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(session.texts()).isNotEmpty()
                .noneMatch(t -> t.contains(Cin7OmniSimulator.DEFAULT_API_KEY) || t.contains(base64Key));
    }

    /**
     * One request at a time, so that the requests depend on the seed alone: side by side, how a
     * slice is cut depends on the requests in flight to spare at that moment.
     */
    @Test
    void aSeedReplaysTheSameRuns() {
        Session first = chaos(SPEC, 1, false);
        Session replay = chaos(SPEC, 1, false);

        assertThat(first.runs()).hasSizeGreaterThan(3);
        assertThat(replay.runs()).isEqualTo(first.runs());
        assertThat(replay.requests()).as("every request, its answer and its fault").isEqualTo(first.requests());
        assertThat(replay.state()).isEqualTo(first.state());
    }

    /**
     * A draw for the next occurrence of {@code event}: from the seed and the event alone, never from a
     * sequence shared by the threads of parallel streams, so a seed replays the same decisions.
     */
    private static double draw(String event, Map<String, Integer> seen) {
        return Seeded.draw(SEED, event, seen.merge(event, 1, Integer::sum));
    }

    /** What a batch holds, to tell one batch from another whichever thread delivers it. */
    private static <R, K> String identity(SyncBatch<R, K> batch) {
        Object first = batch.upserts().isEmpty()
                ? (batch.retractions().isEmpty() ? "" : batch.retractions().get(0).key())
                : batch.type().keyOf(batch.upserts().get(0));
        return batch.stream() + " " + batch.type() + " " + batch.upserts().size() + "/" + batch.retractions().size() + " " + first;
    }

    /**
     * The state a single fault-free run leaves when it starts at {@code now}: the chaos runs' backoffs move
     * their clock on, so the last run's window ends later than the first's.
     */
    private static RecordingSink.State faultFreeRunAt(DatasetSpec spec, Instant now) {
        try (EngineFixture clean = new EngineFixture(spec)) {
            clean.clock.set(now);
            assertThat(clean.engine.run(clean.tenant).status()).isEqualTo(SyncStatus.SUCCEEDED);
            return clean.sink.state("acme");
        }
    }

    /** Keeps every text the engine hands to a listener, to search for secrets. */
    private static SyncListener both(SyncListener first, SyncListener second) {
        return new SyncListener() {
            @Override
            public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
                first.pageFetched(tenantId, stream, page, records, fetchedSoFar);
                second.pageFetched(tenantId, stream, page, records, fetchedSoFar);
            }

            @Override
            public void retried(String tenantId, SyncStream stream, String reason, Duration delay) {
                first.retried(tenantId, stream, reason, delay);
                second.retried(tenantId, stream, reason, delay);
            }

            @Override
            public void streamFinished(String tenantId, StreamReport report) {
                first.streamFinished(tenantId, report);
                second.streamFinished(tenantId, report);
            }
        };
    }

    private static SyncListener recorder(List<String> texts) {
        return new SyncListener() {
            @Override
            public void retried(String tenantId, SyncStream stream, String reason, Duration delay) {
                texts.add(tenantId + " " + stream + " " + reason);
            }

            @Override
            public void streamFinished(String tenantId, StreamReport report) {
                texts.add(report.toString());
                report.error().ifPresent(texts::add);
            }
        };
    }
}
