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
        try (Account account = new Account(30)) {
            int calls = 1_200;

            account.call(calls);

            long refused = account.sim.journal().stream().filter(e -> e.status() == 429).count();
            Duration elapsed = Duration.between(NOW, account.clock.instant());
            Duration floor = Duration.ofMinutes(calls / 30); // the 30 a minute the other app leaves us
            System.out.printf("AdaptivePacingTest: %d calls, %d refused (%.2f%%), %.3f x the floor, slowed %s%n", calls, refused,
                    100.0 * refused / calls, (double) elapsed.toMillis() / floor.toMillis(), account.limiter.slowedTime());
            assertThat(refused).as("refusals").isLessThan(calls / 100);
            assertThat(account.limiter.refusals()).isEqualTo(refused);
            assertThat(elapsed).as("wall time").isLessThanOrEqualTo(floor.plus(floor.dividedBy(10)));
            assertThat(account.limiter.slowedTime()).isPositive();
            assertThat(account.sim.journal()).filteredOn(e -> e.status() == 200).hasSize(calls);
        }
    }

    /**
     * Cin7 refuses the first second's burst, before a minute of calls says what the other app
     * leaves: the pace takes what it then keeps (half the limit at least) as what is left, and
     * probes slowly from just under it, so a short run is not refused again.
     */
    @Test
    void aRefusalInTheFirstSecondsIsTheOnlyOneOfAShortRun() {
        try (Account account = new Account(30)) {
            account.call(150);

            assertThat(account.sim.journal()).filteredOn(e -> e.status() == 429).as("refused").hasSize(1)
                    .allSatisfy(e -> assertThat(e.at()).isBefore(NOW.plusSeconds(1)));
            assertThat(account.sim.journal()).filteredOn(e -> e.status() == 200).hasSize(150);
        }
    }

    @Test
    void withoutAnotherAppThePaceStaysAtTheLimitAndNothingIsRefused() {
        try (Account account = new Account(0)) {
            account.call(300);

            assertThat(account.sim.journal()).extracting(JournalEntry::status).containsOnly(200);
            assertThat(account.limiter.perMinuteNow()).isEqualTo(60);
            assertThat(account.limiter.slowedTime()).isZero();
        }
    }

    /** A simulated account at Cin7's limits, another app spending some of them, and a paced client, on a fake clock. */
    private static final class Account implements AutoCloseable {
        final FakeClock clock = new FakeClock(NOW);
        final Cin7OmniSimulator sim;
        final Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.defaults(), CallBudget.unlimited(), clock);
        final Cin7Client client;

        Account(int otherAppCallsPerMinute) {
            sim = Cin7OmniSimulator.start(DatasetSpec.small(NOW),
                    SimulatorOptions.unlimited().withRateLimits(3, 60, 0).withOtherAppCallsPerMinute(otherAppCallsPerMinute).withClock(clock));
            client = Cin7Client.builder().baseUri(sim.baseUri()).credentials(sim.credentials()).httpVersion(HttpClient.Version.HTTP_1_1)
                    .rateLimiter(limiter).clock(clock).sleeper(clock.sleeper()).build();
        }

        /** Lists the branches {@code calls} times, one call after the other. */
        void call(int calls) {
            for (int i = 0; i < calls; i++) {
                client.branches().list().stream().count();
            }
        }

        @Override
        public void close() {
            sim.close();
        }
    }
}
