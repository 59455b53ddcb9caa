package io.moselle.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The floors every ratio is taken against. */
class FloorTest {
    @Test
    void theLimitsLetThreeCallsGoEachSecondUntilTheMinuteIsFull() {
        assertThat(Benchmarks.floorSeconds(3, 3, 60)).isEqualTo(0.0);
        assertThat(Benchmarks.floorSeconds(60, 3, 60)).as("calls 58 to 60 go together at 19 s").isEqualTo(19.0);
        assertThat(Benchmarks.floorSeconds(61, 3, 60)).as("the 61st waits for the first to leave the minute").isEqualTo(60.0);
        assertThat(Benchmarks.floorSeconds(136, 3, 60)).as("the mid-sized account's minimum").isEqualTo(125.0);
    }

    @Test
    void theLimitersFloorHoldsEachCallInTheWindowsUntilItIsTakenAsCounted() {
        assertThat(Benchmarks.floorSeconds(4, 3, 60, call -> 1_000)).as("the 4th waits for the 1st's second, from when it counted")
                .isEqualTo(2.0);
        assertThat(Benchmarks.floorSeconds(60, 3, 60, call -> 1_000)).as("3 calls every 2 s").isEqualTo(38.0);
        assertThat(Benchmarks.floorSeconds(60, 3, 60, call -> 300)).isEqualTo(24.7);
        assertThat(Benchmarks.floorSeconds(136, 3, 60, call -> 1_000)).isEqualTo(132.0);
        assertThat(Benchmarks.floorSeconds(136, 3, 60, call -> 0)).as("held for no time: the limits' own floor")
                .isEqualTo(Benchmarks.floorSeconds(136, 3, 60));
    }
}
