package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.FaultKind;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cin7's own limits, shared with every app on the customer's account: when Cin7 refuses calls our
 * budget still allows, the run pauses at once, every stream, keeping its checkpoints.
 */
class Cin7OwnLimitsTest {
    static final Instant MIDNIGHT = Instant.parse("2026-11-28T00:00:00Z");

    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW),
            clock -> SimulatorOptions.unlimited().withRateLimits(0, 0, 5_000).withClock(clock));

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest(name = "streams read {0} at a time")
    @ValueSource(ints = {1, 4})
    void aDaySpentByOtherAppsPausesTheWholeRunAtOnceAndTheNextDayResumes(int parallelism) {
        SyncEngine engine = f.engine(b -> b.parallelism(parallelism));
        f.sim.spendDailyCallsAsOtherApps(Cin7OmniSimulator.DEFAULT_USERNAME, 5_000 - 6);

        SyncReport paused = engine.run(f.tenant);

        assertThat(paused.status()).isEqualTo(SyncStatus.PAUSED);
        assertThat(paused.streams()).extracting(StreamReport::status).containsOnly(SyncStatus.PAUSED, SyncStatus.SUCCEEDED);
        assertThat(paused.resumeAfter()).as("Cin7's Retry-After: next midnight UTC").contains(MIDNIGHT);
        assertThat(paused.streams()).filteredOn(s -> s.status() == SyncStatus.PAUSED).isNotEmpty()
                .allSatisfy(s -> assertThat(s.error()).hasValueSatisfying(m -> assertThat(m)
                        .contains("Cin7 refused calls of this API connection (HTTP 429) and asked to wait 64800 s")
                        .contains("perhaps by other apps")));
        List<JournalEntry> refused = f.journal().stream().filter(e -> e.status() == 429).toList();
        assertThat(refused).as("refused calls are not retried: nobody waits hours").hasSizeLessThanOrEqualTo(parallelism);
        assertThat(f.clock.sleeps()).as("no wait at all").isEmpty();
        Checkpoint kept = f.checkpoints.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElse(Checkpoint.initial());

        f.clock.set(MIDNIGHT.plus(Duration.ofHours(6)));
        f.sim.data().nextDay();
        f.sim.clearJournal();
        SyncReport resumed = engine.run(f.tenant);

        assertThat(resumed.status()).isEqualTo(SyncStatus.SUCCEEDED);
        if (!kept.isComplete()) {
            assertThat(f.journal()).filteredOn(e -> e.resource().equals("v1/SalesOrders")).extracting(e -> e.param("where"))
                    .as("the paused slice resumes where it stopped").anyMatch(w -> w.endsWith("id>" + EngineFixture.lastId(kept)));
        }
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void refusalsThatRetriesCannotGetPastPauseTheRunToo() {
        SyncEngine engine = f.engine(b -> b.clientOptions(f.clientOptions(Duration.ofSeconds(5))
                .andThen(o -> o.retryPolicy(io.moselle.cin7.client.RetryPolicy.defaults().withMaxAttempts(3)))));
        f.sim.beforeEachRequest((n, resource, query, data) -> {
            if (resource.equals("v1/Stock")) {
                f.sim.injectFaults(FaultKind.RATE_LIMITED);
            }
        });

        SyncReport report = engine.run(f.tenant);

        assertThat(report.status()).isEqualTo(SyncStatus.PAUSED);
        assertThat(report.stream(SyncStream.STOCK).orElseThrow().error()).hasValueSatisfying(m -> assertThat(m)
                .contains("3 times in a row despite pacing"));
        assertThat(report.stream(SyncStream.SALES_ORDERS).orElseThrow().status()).isEqualTo(SyncStatus.PAUSED);
        assertThat(report.resumeAfter()).isEmpty();
        assertThat(f.journal()).filteredOn(e -> e.status() == 429).hasSize(3);
    }

    @Test
    void ourOwnBudgetSpentPausesUntilItsReset() {
        SyncReport report = f.engine(b -> b.callBudgets(c -> CallBudget.perUtcDay(4))).run(f.tenant);
        assertThat(report.status()).isEqualTo(SyncStatus.PAUSED);
        assertThat(report.resumeAfter()).contains(MIDNIGHT);
        assertThat(f.journal()).hasSize(4);
    }
}
