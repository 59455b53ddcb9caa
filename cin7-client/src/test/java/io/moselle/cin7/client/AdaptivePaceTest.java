package io.moselle.cin7.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pace's rules, call by call, at Cin7's limits of 3 a second and 60 a minute. */
class AdaptivePaceTest {
    private final AdaptivePace pace = new AdaptivePace(RateLimits.of(3, 60));
    private int answers;

    @Test
    void aRefusalKeeps90PercentOfTheLastMinutesCalls() {
        pace.refused(0, 50);

        assertThat(pace.perMinute()).isEqualTo(45);
        assertThat(pace.perSecond()).as("the burst in proportion").isEqualTo(2);
    }

    @Test
    void aRefusalBeforeAMinuteOfCallsTakesHalfThePaceAsLeft() {
        pace.refused(0, 3);

        assertThat(pace.perMinute()).isEqualTo(27);
    }

    @Test
    void refusalsWithinAMinuteOfTheLastSlowDownAnswerCallsSentBeforeIt() {
        long first = 1_000_000;
        pace.refused(first, 40);
        pace.refused(first + 59_999, 20);
        assertThat(pace.perMinute()).as("a minute less a millisecond later").isEqualTo(36);

        pace.refused(first + 60_000, 20);
        assertThat(pace.perMinute()).as("a minute later").isEqualTo(18);
        assertThat(pace.refusals()).isEqualTo(3);
    }

    @Test
    void thePaceRecoversFastBelowWhatWasLeftThenProbesSlowlyNearIt() {
        pace.refused(0, 30); // 30 taken as left: the pace keeps 27

        int to28 = answeredUntil(28);
        int to30 = answeredUntil(30);

        assertThat(to28).as("a fifth of a call a minute won back per call below 95% of 30").isBetween(5, 6);
        assertThat(to30).as("then a 120th: 28.5 to 30 takes some 180 calls").isBetween(170, 185);
    }

    @Test
    void theTimeSlowedEndsWhenThePaceIsBackAtTheLimit() {
        pace.refused(1_000, 50);
        assertThat(pace.slowedTime(31_000)).isEqualTo(Duration.ofSeconds(30));

        long now = 1_000;
        while (pace.perMinute() < 60) {
            pace.answered(now += 1_000);
        }
        Duration slowed = Duration.ofMillis(now - 1_000);
        pace.answered(now += 1_000);
        assertThat(pace.slowedTime(now + 50_000)).as("not counted once back at the limit").isEqualTo(slowed);

        pace.refused(now + 100_000, 50);
        assertThat(pace.slowedTime(now + 110_000)).as("and counted again from the next refusal").isEqualTo(slowed.plusSeconds(10));
    }

    /** Answers calls until the pace is {@code perMinute}: how many answers it took since the refusal. */
    private int answeredUntil(int perMinute) {
        while (pace.perMinute() < perMinute) {
            pace.answered(++answers);
        }
        return answers;
    }
}
