package io.moselle.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.sync.Window;
import io.moselle.sync.internal.SlicePlanner;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Slice planning: cutting newest first at the recent part, and where the rest of a slice is cut into parts. */
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

    /** Records created one after the other from {@code first}, {@code step} apart, each modified {@code lag} after. */
    private static List<SlicePlanner.Dates> createdFrom(String first, Duration step, int count, Duration lag) {
        List<SlicePlanner.Dates> page = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant created = Instant.parse(first + "T06:00:00Z").plus(step.multipliedBy(i));
            page.add(new SlicePlanner.Dates(created, created.plus(lag)));
        }
        return page;
    }

    private static List<SlicePlanner.Dates> createdFrom(String first, Duration step, int count) {
        return createdFrom(first, step, count, Duration.ZERO);
    }

    @Test
    void whatIsLeftIsCutInEqualPartsFromTheCreationOfTheNewestRecordRead() {
        Window window = w("2024-01-01", "2026-01-01");
        List<SlicePlanner.Dates> page = createdFrom("2024-01-01", Duration.ofHours(1), 241); // ten days a page
        Instant last = Instant.parse("2024-01-11T06:00:00Z");
        Duration quarter = Duration.between(last, window.to()).dividedBy(4);

        assertThat(SlicePlanner.cuts(window, page, 4)).containsExactly(last.plus(quarter), last.plus(quarter.multipliedBy(2)),
                last.plus(quarter.multipliedBy(3)));
    }

    @Test
    void thePartsStartAsLongAfterTheNewestRecordReadAsRecordsAreModifiedAfterTheirCreation() {
        Window window = w("2024-01-01", "2026-01-01");
        List<SlicePlanner.Dates> page = createdFrom("2024-01-01", Duration.ofHours(1), 241, Duration.ofDays(5));
        Instant from = Instant.parse("2024-01-16T06:00:00Z"); // the last record read was created on the 11th
        Duration half = Duration.between(from, window.to()).dividedBy(2);

        assertThat(SlicePlanner.cuts(window, page, 2)).containsExactly(from.plus(half));
    }

    @Test
    void thePartsStartAfterTheMedianLagToModificationOfThePage() {
        Window window = w("2024-01-01", "2026-01-01");
        List<SlicePlanner.Dates> page = new java.util.ArrayList<>();
        Duration[] lags = {Duration.ofDays(10), Duration.ZERO, Duration.ofDays(5)}; // in turn: the median is 5 days
        List<SlicePlanner.Dates> created = createdFrom("2024-01-01", Duration.ofHours(1), 241);
        for (int i = 0; i < created.size(); i++) {
            Instant at = created.get(i).created();
            page.add(new SlicePlanner.Dates(at, at.plus(lags[i % 3])));
        }
        Instant from = Instant.parse("2024-01-16T06:00:00Z");
        Duration half = Duration.between(from, window.to()).dividedBy(2);

        assertThat(SlicePlanner.cuts(window, page, 2)).containsExactly(from.plus(half));
    }

    @Test
    void noPartIsMadeThatThePageSaysWouldHoldLessThanTwoPages() {
        Window window = w("2024-01-01", "2024-02-21");
        List<SlicePlanner.Dates> page = createdFrom("2024-01-01", Duration.ofHours(1), 241); // ten days a page, 41 days left
        assertThat(SlicePlanner.cuts(window, page, 8)).hasSize(1); // two parts of about two pages each
        assertThat(SlicePlanner.cuts(w("2024-01-01", "2024-02-01"), page, 8)).isEmpty(); // 21 days left: about two pages
    }

    @Test
    void noPartIsShorterThanTheMinimum() {
        List<SlicePlanner.Dates> page = createdFrom("2024-01-01", Duration.ofMinutes(1), 241); // four hours a page
        List<Instant> cuts = SlicePlanner.cuts(w("2024-01-01", "2024-01-04"), page, 16);
        assertThat(cuts).hasSize(1); // 2 days 20 hours left: two parts of a day or more, not sixteen
    }

    @Test
    void aPageThatTellsNothingOfThePaceCutsNothing() {
        Window window = w("2024-01-01", "2026-01-01");
        List<SlicePlanner.Dates> beforeTheWindow = createdFrom("2023-01-01", Duration.ofHours(1), 241);
        List<SlicePlanner.Dates> sameInstant = createdFrom("2024-06-01", Duration.ZERO, 250);
        List<SlicePlanner.Dates> unknown = java.util.Collections.nCopies(250, new SlicePlanner.Dates(null, null));

        assertThat(SlicePlanner.cuts(window, beforeTheWindow, 4)).isEmpty();
        assertThat(SlicePlanner.cuts(window, sameInstant, 4)).isEmpty();
        assertThat(SlicePlanner.cuts(window, unknown, 4)).isEmpty();
        assertThat(SlicePlanner.cuts(window, createdFrom("2024-01-01", Duration.ofHours(1), 241), 1)).isEmpty(); // no part wanted
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
