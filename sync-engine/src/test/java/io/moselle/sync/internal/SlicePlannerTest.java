package io.moselle.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.sync.Window;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Slice planning: cutting newest first at the recent part, and where the rest of a slice is cut into parts by id. */
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
                Arguments.of("parts of one window cut by id, the highest ids first",
                        List.of(new Slice(w("2024-11-27", "2026-08-29"), 40, 900), new Slice(w("2024-11-27", "2026-08-29"), 900, Slice.UNBOUNDED),
                                new Slice(w("2024-11-27", "2026-08-29"), 1200, 1500)),
                        List.of(new Slice(w("2024-11-27", "2026-08-29"), 900, Slice.UNBOUNDED), new Slice(w("2024-11-27", "2026-08-29"), 1200, 1500),
                                new Slice(w("2024-11-27", "2026-08-29"), 40, 900))),
                Arguments.of("a part cut by id keeps its highest id in both halves",
                        List.of(new Slice(w("2024-11-27", "2026-11-27"), 750, 4000)),
                        List.of(new Slice(w("2026-08-29", "2026-11-27"), 750, 4000), new Slice(w("2024-11-27", "2026-08-29"), 750, 4000))),
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

    static final int ROWS = 250;
    static final Window HISTORY = w("2024-01-01", "2026-01-01");
    static final Instant FIRST = Instant.parse("2024-01-01T06:00:00Z");

    /**
     * A full page of {@code ids}, created an hour apart from {@link #FIRST}: a record an hour, so
     * that {@code pagesLeft} pages are left when the window ends that many pages of hours after
     * the last one.
     */
    static List<SlicePlanner.Seen> page(long... ids) {
        List<SlicePlanner.Seen> page = new java.util.ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            page.add(new SlicePlanner.Seen(ids[i], FIRST.plus(Duration.ofHours(i))));
        }
        return page;
    }

    /** {@code count} ids from {@code first}, {@code step} apart. */
    static long[] ids(long first, long step, int count) {
        return LongStream.range(0, count).map(i -> first + i * step).toArray();
    }

    /** The unbounded rest of {@link #HISTORY} after {@code page}, the window ending {@code pagesLeft} pages of its pace later. */
    static Slice restOf(List<SlicePlanner.Seen> page, double pagesLeft) {
        Instant lastCreated = page.get(page.size() - 1).created();
        Window window = new Window(HISTORY.from(), lastCreated.plus(Duration.ofMinutes(Math.round(pagesLeft * ROWS * 60))));
        return new Slice(window, page.get(page.size() - 1).id());
    }

    @Test
    void aPartIsGivenTheIdsOfWholePagesSoThatItIsReadInThatManyCalls() {
        List<SlicePlanner.Seen> dense = page(ids(1, 1, ROWS)); // ids 1..250, ten pages left
        assertThat(SlicePlanner.cuts(restOf(dense, 10), dense, 4)).containsExactly(1000L, 1750L, 2500L); // three pages a part
    }

    @Test
    void partsAreAsManyAsWantedAndAsFewPagesEachAsThatAllows() {
        List<SlicePlanner.Seen> dense = page(ids(1, 1, ROWS));
        assertThat(SlicePlanner.cuts(restOf(dense, 10), dense, 16)).containsExactly(500L, 750L, 1000L, 1250L, 1500L, 1750L, 2000L, 2250L, 2500L);
        assertThat(SlicePlanner.cuts(restOf(dense, 10), dense, 3)).containsExactly(1250L, 2250L); // four pages a part, the newest two
    }

    @Test
    void whereRecordsLieSparserAmongIdsAPartIsGivenMoreIdsLessAMarginForTheDraw() {
        List<SlicePlanner.Seen> sparse = page(ids(2, 2, ROWS)); // every other id is not in the window: a density of 0.5
        int held = 3 * ROWS; // ten pages left in four parts: three pages a part
        double spread = Math.sqrt(held * 0.5 + held * held * 0.5 / 125); // the draw of its ids, and of the density from 125 records
        long width = (long) ((held - 3 * spread) / 0.5);

        assertThat(width).isEqualTo(1192).isGreaterThan(held);
        assertThat(SlicePlanner.cuts(restOf(sparse, 10), sparse, 4)).containsExactly(500 + width, 500 + 2 * width, 500 + 3 * width);
    }

    @Test
    void twoPartsAreCutWhenTwoAreWanted() {
        List<SlicePlanner.Seen> dense = page(ids(1, 1, ROWS));
        assertThat(SlicePlanner.cuts(restOf(dense, 3.2), dense, 2)).containsExactly(750L); // two pages, and the newest the rest
        assertThat(SlicePlanner.cuts(restOf(dense, 10), dense, 2)).containsExactly(1500L);
    }

    @Test
    void theNewestPartOfAnUnboundedSliceIsLeftATenthOfThePagesLeft() {
        List<SlicePlanner.Seen> dense = page(ids(1, 1, ROWS));
        List<Long> cuts = SlicePlanner.cuts(restOf(dense, 40), dense, 64);

        assertThat(cuts).hasSize(36).startsWith(500L).endsWith(250L + 36 * ROWS); // one page each
        assertThat(250 + 40 * ROWS - cuts.get(cuts.size() - 1)).isEqualTo(4 * ROWS);
    }

    @Test
    void aBoundedSliceIsCutByItsDensityUpToItsHighestId() {
        List<SlicePlanner.Seen> dense = page(ids(1, 1, ROWS));
        Slice bounded = new Slice(HISTORY, 250, 1250);

        assertThat(SlicePlanner.cuts(bounded, dense, 8)).containsExactly(500L, 750L, 1000L); // pages left from its ids alone
        assertThat(SlicePlanner.cuts(new Slice(HISTORY, 10_000, 11_000), dense, 8)).containsExactly(10_250L, 10_500L, 10_750L);
        assertThat(SlicePlanner.cuts(new Slice(HISTORY, 250, 1010), dense, 8)).containsExactly(750L); // 3.04 pages in three parts at most: two pages a part, the newest the rest
        assertThat(SlicePlanner.cuts(new Slice(HISTORY, 250, 700), dense, 8)).isEmpty(); // fewer than two pages
    }

    @Test
    void aPageThatTellsNothingOfWhatIsLeftCutsNothing() {
        List<SlicePlanner.Seen> dense = page(ids(1, 1, ROWS));
        List<SlicePlanner.Seen> unknownDates = new java.util.ArrayList<>();
        dense.forEach(seen -> unknownDates.add(new SlicePlanner.Seen(seen.id(), null)));
        List<SlicePlanner.Seen> createdBeforeTheWindow = page(ids(1, 1, ROWS));
        Slice later = new Slice(new Window(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")), 250);

        assertThat(SlicePlanner.cuts(restOf(dense, 10), unknownDates, 4)).isEmpty();
        assertThat(SlicePlanner.cuts(later, createdBeforeTheWindow, 4)).isEmpty();
        assertThat(SlicePlanner.cuts(restOf(dense, 10), page(new long[ROWS]), 4)).isEmpty(); // no spread of ids
        assertThat(SlicePlanner.cuts(restOf(dense, 10), dense, 1)).isEmpty(); // no part wanted
        assertThat(SlicePlanner.cuts(restOf(dense, 1.9), dense, 4)).isEmpty(); // fewer than two pages left
    }

    @Test
    void idsFarApartCutNothingPastTheLastIdThereCanBe() {
        List<SlicePlanner.Seen> farApart = page(ids(1, 30_000_000_000_000_000L, ROWS)); // a part wider than the ids left
        assertThat(SlicePlanner.cuts(restOf(farApart, 10), farApart, 4)).isEmpty();

        List<SlicePlanner.Seen> apart = page(ids(1, 10_000_000_000_000_000L, ROWS)); // parts of 5.3e18 ids after 2.49e18: one cut fits
        Slice rest = restOf(apart, 10);
        assertThat(SlicePlanner.cuts(rest, apart, 4)).singleElement().satisfies(cut -> assertThat(cut).isGreaterThan(rest.lastId()));
    }

    @Test
    void splittingAPendingSliceByIdGivesTheNewerIdsFirstAndKeepsItsLastId() {
        Slice history = s("2024-11-27", "2026-08-29", 80);
        Checkpoint c = new Checkpoint(w("2024-11-27", "2026-11-27"), List.of(s("2026-08-29", "2026-11-27", 5), history));

        Checkpoint split = c.split(history, 500);
        assertThat(split.pending()).containsExactly(s("2026-08-29", "2026-11-27", 5), new Slice(history.window(), 500, Slice.UNBOUNDED),
                new Slice(history.window(), 80, 500));
        Slice older = new Slice(history.window(), 80, 500);
        assertThat(split.split(older, 300).pending()).endsWith(new Slice(history.window(), 300, 500), new Slice(history.window(), 80, 300));

        assertThatThrownBy(() -> c.split(history, 80)).hasMessageContaining("not inside");
        assertThatThrownBy(() -> split.split(older, 500)).hasMessageContaining("not inside");
        assertThatThrownBy(() -> c.split(s("2024-11-27", "2025-08-29", 0), 100)).hasMessageContaining("no pending slice");
    }

    @Test
    void progressAndTheEndOfAPartAreFoundByItsWindowAndHighestIdAlone() {
        Window history = w("2024-11-27", "2026-08-29");
        Checkpoint c = new Checkpoint(w("2024-11-27", "2026-11-27"),
                List.of(new Slice(history, 500, Slice.UNBOUNDED), new Slice(history, 80, 500)));

        Checkpoint moved = c.progress(new Slice(history, 0, 500), 420);
        assertThat(moved.pending()).containsExactly(new Slice(history, 500, Slice.UNBOUNDED), new Slice(history, 420, 500));
        assertThat(moved.done(new Slice(history, 420, Slice.UNBOUNDED)).pending()).containsExactly(new Slice(history, 420, 500));
    }

    @Test
    void aSliceNeverEndsBelowItsLastId() {
        assertThatThrownBy(() -> new Slice(HISTORY, 500, 499)).hasMessageContaining("highestId");
        assertThat(new Slice(HISTORY, 500, 500).isBounded()).isTrue();
        assertThat(new Slice(HISTORY, 500).isBounded()).isFalse();
    }
}
