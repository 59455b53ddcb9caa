package io.moselle.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.sync.Window;
import io.moselle.sync.internal.SlicePlanner;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.Slice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Slice planning as a table: cutting newest first at the recent part, halving, and how often. */
class SlicePlannerTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final Instant RECENT = Instant.parse("2026-08-29T06:00:00Z");
    static final Instant TWO_YEARS = Instant.parse("2024-11-27T06:00:00Z");

    static Window w(String from, String to) {
        return new Window(Instant.parse(from + "T06:00:00Z"), Instant.parse(to + "T06:00:00Z"));
    }

    static Slice s(String from, String to, long lastId) {
        return new Slice(w(from, to), lastId);
    }

    static Stream<Arguments> newestFirst() {
        return Stream.of(
                Arguments.of("a first run: the recent part first, then the older history",
                        List.of(s("2024-11-27", "2026-11-27", 0)),
                        List.of(s("2026-08-29", "2026-11-27", 0), s("2024-11-27", "2026-08-29", 0))),
                Arguments.of("a daily run: the lookback only, nothing to cut",
                        List.of(s("2026-08-29", "2026-11-27", 0)),
                        List.of(s("2026-08-29", "2026-11-27", 0))),
                Arguments.of("a resumed slice is cut after its last id, both parts go on from there",
                        List.of(s("2024-11-27", "2026-11-27", 750)),
                        List.of(s("2026-08-29", "2026-11-27", 750), s("2024-11-27", "2026-08-29", 750))),
                Arguments.of("an old pending slice comes after the new window",
                        List.of(s("2025-01-01", "2025-06-01", 300), s("2026-08-29", "2026-11-27", 0)),
                        List.of(s("2026-08-29", "2026-11-27", 0), s("2025-01-01", "2025-06-01", 300))),
                Arguments.of("halves of history, newest first",
                        List.of(s("2024-11-27", "2025-10-13", 40), s("2025-10-13", "2026-08-29", 40), s("2026-08-29", "2026-11-27", 9)),
                        List.of(s("2026-08-29", "2026-11-27", 9), s("2025-10-13", "2026-08-29", 40), s("2024-11-27", "2025-10-13", 40))),
                Arguments.of("nothing pending", List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void newestFirst(String what, List<Slice> pending, List<Slice> expected) {
        Checkpoint plan = new Checkpoint(w("2024-11-27", "2026-11-27"), pending);
        Checkpoint cut = SlicePlanner.newestFirst(plan, RECENT);
        assertThat(cut.pending()).containsExactlyElementsOf(expected);
        assertThat(cut.newestWindow()).isEqualTo(plan.newestWindow());
    }

    static Stream<Arguments> middle() {
        return Stream.of(
                Arguments.of(w("2024-11-27", "2026-11-27"), Optional.of(Instant.parse("2025-11-27T06:00:00Z"))),
                Arguments.of(w("2026-11-25", "2026-11-27"), Optional.of(Instant.parse("2026-11-26T06:00:00Z"))),
                Arguments.of(new Window(NOW, NOW.plusSeconds(2 * 86_400 - 1)), Optional.empty()),
                Arguments.of(new Window(NOW, NOW.plusSeconds(2 * 86_400 + 3)), Optional.of(NOW.plusSeconds(86_401))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void middle(Window window, Optional<Instant> expected) {
        assertThat(SlicePlanner.middle(window)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "parallelism {0}: {1} halvings, up to {2} parts")
    @org.junit.jupiter.params.provider.CsvSource({"1, 0, 1", "2, 2, 4", "3, 3, 8", "4, 3, 8", "8, 4, 16", "16, 5, 32"})
    void aPlannedSliceIsHalvedIntoAboutTwicePartsAsRequestsInFlight(int parallelism, int halvings, int parts) {
        assertThat(SlicePlanner.halvings(parallelism)).isEqualTo(halvings);
        assertThat(1 << SlicePlanner.halvings(parallelism)).isEqualTo(parts).isGreaterThanOrEqualTo(parallelism == 1 ? 1 : 2 * parallelism);
    }

    @Test
    void splittingAPendingSliceKeepsItsLastIdInBothHalvesNewerFirst() {
        Checkpoint c = new Checkpoint(w("2024-11-27", "2026-11-27"), List.of(s("2026-08-29", "2026-11-27", 5), s("2024-11-27", "2026-08-29", 80)));
        Checkpoint split = c.split(w("2024-11-27", "2026-08-29"), Instant.parse("2025-10-13T06:00:00Z"));
        assertThat(split.pending()).containsExactly(s("2026-08-29", "2026-11-27", 5), s("2025-10-13", "2026-08-29", 80),
                s("2024-11-27", "2025-10-13", 80));
        assertThatThrownBy(() -> c.split(w("2024-11-27", "2026-08-29"), TWO_YEARS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.split(w("2024-11-27", "2025-08-29"), Instant.parse("2025-01-01T00:00:00Z")))
                .hasMessageContaining("no pending slice");
    }
}
