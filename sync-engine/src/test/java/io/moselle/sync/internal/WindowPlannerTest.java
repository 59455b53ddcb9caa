package io.moselle.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.sync.Window;
import io.moselle.sync.internal.WindowPlanner;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Window planning, a pure function: each row a checkpoint, a run, and the slices it must read. */
class WindowPlannerTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final int LOOKBACK = 90;
    static final int HISTORY = 730;

    static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    static Window window(int fromDaysAgo, int toDaysAgo) {
        return new Window(daysAgo(fromDaysAgo), daysAgo(toDaysAgo));
    }

    static Slice slice(int fromDaysAgo, int toDaysAgo, long lastId) {
        return new Slice(window(fromDaysAgo, toDaysAgo), lastId);
    }

    static Checkpoint checkpoint(Window newest, Slice... pending) {
        return new Checkpoint(newest, List.of(pending));
    }

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("first run: the initial history",
                        Checkpoint.initial(), null,
                        checkpoint(window(730, 0), slice(730, 0, 0))),
                Arguments.of("daily run: the lookback",
                        checkpoint(window(731, 1)), null,
                        checkpoint(window(90, 0), slice(90, 0, 0))),
                Arguments.of("paused longer than the lookback: from the end of the last window, no gap",
                        checkpoint(window(200, 120)), null,
                        checkpoint(window(120, 0), slice(120, 0, 0))),
                Arguments.of("a half-read window resumes after its last id, before the new window",
                        checkpoint(window(731, 1), slice(731, 1, 500)), null,
                        checkpoint(window(90, 0), slice(731, 90, 500), slice(90, 0, 0))),
                Arguments.of("parts cut by id resume each up to its own highest id",
                        checkpoint(window(731, 1), new Slice(window(731, 1), 9_000, Slice.UNBOUNDED), new Slice(window(731, 1), 500, 9_000)), null,
                        checkpoint(window(90, 0), new Slice(window(731, 90), 9_000, Slice.UNBOUNDED), new Slice(window(731, 90), 500, 9_000),
                                slice(90, 0, 0))),
                Arguments.of("a pending slice wholly inside the new window is read by it",
                        checkpoint(window(30, 1), slice(30, 1, 500)), null,
                        checkpoint(window(90, 0), slice(90, 0, 0))),
                Arguments.of("re-sync from a date",
                        checkpoint(window(90, 0)), daysAgo(400),
                        checkpoint(window(400, 0), slice(400, 0, 0))),
                Arguments.of("re-sync resumed with the same date: only its pending slices",
                        checkpoint(window(400, 2), slice(400, 2, 7_000)), daysAgo(400),
                        checkpoint(window(400, 2), slice(400, 2, 7_000))),
                Arguments.of("re-sync from another date: what is pending before it, then the new window",
                        checkpoint(window(400, 2), slice(400, 2, 7_000)), daysAgo(100),
                        checkpoint(window(100, 0), slice(400, 100, 7_000), slice(100, 0, 0))),
                Arguments.of("a re-sync that was finished starts again with the same date",
                        checkpoint(window(400, 2)), daysAgo(400),
                        checkpoint(window(400, 0), slice(400, 0, 0))),
                Arguments.of("a run at the same instant as the last reads the lookback again",
                        checkpoint(window(90, 0)), null,
                        checkpoint(window(90, 0), slice(90, 0, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void plansTheWindowsToRead(String name, Checkpoint current, Instant resyncFrom, Checkpoint expected) {
        assertThat(WindowPlanner.plan(current, NOW, resyncFrom, LOOKBACK, HISTORY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "lookback {0} days")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 7, 365})
    void theLookbackComesFromTheSettings(int lookbackDays) {
        Checkpoint planned = WindowPlanner.plan(checkpoint(window(1, 0)), NOW.plus(Duration.ofDays(1)), null, lookbackDays, HISTORY);
        Instant from = lookbackDays == 0 ? NOW : NOW.plus(Duration.ofDays(1)).minus(Duration.ofDays(lookbackDays));
        assertThat(planned.pending()).containsExactly(Slice.of(new Window(from, NOW.plus(Duration.ofDays(1)))));
    }
}
