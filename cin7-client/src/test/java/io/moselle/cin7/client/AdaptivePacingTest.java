package io.moselle.cin7.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.cin7.testing.FakeClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pacing that adapts to another app spending part of Cin7's limit, on the simulator and a fake clock. */
class AdaptivePacingTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    @Test
    void anotherAppSpendingHalfTheLimitCostsUsUnderOnePercentRefusedAndAtMostATenthMoreTime() {
        FakeClock clock = new FakeClock(NOW);
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.small(NOW),
                SimulatorOptions.unlimited().withRateLimits(3, 60, 0).withOtherAppCallsPerMinute(30).withClock(clock))) {
            Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.defaults(), CallBudget.unlimited(), clock);
            Cin7Client client = Cin7Client.builder().baseUri(sim.baseUri()).credentials(sim.credentials())
                    .httpVersion(HttpClient.Version.HTTP_1_1).rateLimiter(limiter).clock(clock).sleeper(clock.sleeper()).build();
            int calls = 1_200;

            for (int i = 0; i < calls; i++) {
                client.branches().list().stream().count();
            }

            long refused = sim.journal().stream().filter(e -> e.status() == 429).count();
            Duration elapsed = Duration.between(NOW, clock.instant());
            Duration floor = Duration.ofMinutes(calls / 30); // the 30 a minute the other app leaves us
            System.out.printf("AdaptivePacingTest: %d calls, %d refused (%.2f%%), %.3f x the floor, slowed %s%n", calls, refused,
                    100.0 * refused / calls, (double) elapsed.toMillis() / floor.toMillis(), limiter.slowedTime());
            assertThat(refused).as("refusals").isLessThan(calls / 100);
            assertThat(limiter.refusals()).isEqualTo(refused);
            assertThat(elapsed).as("wall time").isLessThanOrEqualTo(floor.plus(floor.dividedBy(10)));
            assertThat(limiter.slowedTime()).isPositive();
            assertThat(sim.journal()).filteredOn(e -> e.status() == 200).hasSize(calls);
        }
    }

    /**
     * Cin7 refuses the first second's burst, before a minute of calls says what the other app
     * leaves: the pace takes what it then keeps (half the limit at least) as what is left, and
     * probes slowly from just under it, so a short run is not refused again.
     */
    @Test
    void aRefusalInTheFirstSecondsIsTheOnlyOneOfAShortRun() {
        FakeClock clock = new FakeClock(NOW);
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.small(NOW),
                SimulatorOptions.unlimited().withRateLimits(3, 60, 0).withOtherAppCallsPerMinute(30).withClock(clock))) {
            Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.defaults(), CallBudget.unlimited(), clock);
            Cin7Client client = Cin7Client.builder().baseUri(sim.baseUri()).credentials(sim.credentials())
                    .httpVersion(HttpClient.Version.HTTP_1_1).rateLimiter(limiter).clock(clock).sleeper(clock.sleeper()).build();

            for (int i = 0; i < 150; i++) {
                client.branches().list().stream().count();
            }

            assertThat(sim.journal()).filteredOn(e -> e.status() == 429).as("refused").hasSize(1)
                    .allSatisfy(e -> assertThat(e.at()).isBefore(NOW.plusSeconds(1)));
            assertThat(sim.journal()).filteredOn(e -> e.status() == 200).hasSize(150);
        }
    }

    @Test
    void withoutAnotherAppThePaceStaysAtTheLimitAndNothingIsRefused() {
        FakeClock clock = new FakeClock(NOW);
        try (Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.small(NOW),
                SimulatorOptions.unlimited().withRateLimits(3, 60, 0).withClock(clock))) {
            Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.defaults(), CallBudget.unlimited(), clock);
            Cin7Client client = Cin7Client.builder().baseUri(sim.baseUri()).credentials(sim.credentials())
                    .httpVersion(HttpClient.Version.HTTP_1_1).rateLimiter(limiter).clock(clock).sleeper(clock.sleeper()).build();
            for (int i = 0; i < 300; i++) {
                client.branches().list().stream().count();
            }
            assertThat(sim.journal()).extracting(JournalEntry::status).containsOnly(200);
            assertThat(limiter.perMinuteNow()).isEqualTo(60);
            assertThat(limiter.slowedTime()).isZero();
        }
    }
}
