package io.moselle.sync.internal;

import io.moselle.sync.Window;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a stream's planned window is cut into slices: pure functions of the plan.
 *
 * <ul>
 *   <li><b>Newest first</b>: every pending slice that crosses the start of the recent part (the
 *   stream's lookback) is cut there, and the slices are ordered by their end, newest first, so
 *   the recent part is read before older history.</li>
 *   <li><b>Cutting where the rest lies</b>: a slice of a long window (a first run's history, a
 *   re-sync) may be cut into parts while it is read, every part going on after the slice's last
 *   delivered id. Cin7 gives ids in creation order and a record is modified no earlier than it
 *   was created, so what is left of the slice was created after the last record read, and is
 *   modified from some time after that: the parts share the time from then to the slice's end,
 *   and a part is only made when the page read says it holds at least a page of its own
 *   ({@link #cuts}). A part is never shorter than {@link #MINIMUM}.</li>
 * </ul>
 * Cutting a slice after its last id is always safe: every record of it with a smaller id was
 * delivered, whichever half of the window it is in.
 */
public final class SlicePlanner {
    /** The shortest half a slice is cut into. */
    static final Duration MINIMUM = Duration.ofDays(1);
    /**
     * The fewest pages a part is cut for: each part ends with a page of its own, a call more than
     * reading it with the rest, which two pages read side by side pay for.
     */
    static final int PAGES_A_PART = 2;

    private SlicePlanner() {}

    /** {@code plan} with its pending slices cut at {@code recentFrom} and ordered newest first. */
    static Checkpoint newestFirst(Checkpoint plan, Instant recentFrom) {
        List<Slice> slices = new ArrayList<>();
        for (Slice slice : plan.pending()) {
            Window w = slice.window();
            if (w.from().isBefore(recentFrom) && w.to().isAfter(recentFrom)) {
                slices.add(new Slice(new Window(recentFrom, w.to()), slice.lastId()));
                slices.add(new Slice(new Window(w.from(), recentFrom), slice.lastId()));
            } else {
                slices.add(slice);
            }
        }
        slices.sort(Comparator.comparing((Slice s) -> s.window().to()).thenComparing(s -> s.window().from()).reversed());
        return new Checkpoint(plan.newestWindow().orElse(null), slices);
    }

    /** Whether {@code slice} is part of the recent part, which starts at {@code recentFrom}. */
    static boolean isRecent(Slice slice, Instant recentFrom) {
        return !slice.window().from().isBefore(recentFrom);
    }

    /** When a record read was created and last modified, if Cin7 says. */
    record Dates(Instant created, Instant modified) {}

    /**
     * Where to cut what is left of {@code window} into at most {@code parts} parts of equal
     * length, oldest first, after a full page of {@code page}'s records (in the order read, by
     * id): none when the page says fewer than {@link #PAGES_A_PART} pages a part are left. What is left was created after
     * the newest record read and is modified about as long after its creation as the page's
     * records were (their median), so the parts share the time from then to the window's end;
     * the pages left are estimated from the pace at which the page's records were created.
     */
    static List<Instant> cuts(Window window, List<Dates> page, int parts) {
        Instant first = null;
        Instant last = null;
        List<Duration> lags = new ArrayList<>();
        for (Dates d : page) {
            if (d.created() != null && d.modified() != null && !d.created().isBefore(window.from()) && d.created().isBefore(window.to())) {
                first = first == null || d.created().isBefore(first) ? d.created() : first;
                last = last == null || d.created().isAfter(last) ? d.created() : last;
                lags.add(d.modified().isAfter(d.created()) ? Duration.between(d.created(), d.modified()) : Duration.ZERO);
            }
        }
        if (first == null || !last.isAfter(first) || parts < 2) {
            return List.of(); // the page tells nothing of the pace, or no part is wanted
        }
        lags.sort(null);
        Instant from = last.plus(lags.get(lags.size() / 2));
        if (!from.isBefore(window.to())) {
            return List.of();
        }
        Duration rest = Duration.between(from, window.to());
        long pagesLeft = Duration.between(last, window.to()).toMillis() / Duration.between(first, last).toMillis();
        long byLength = rest.toMillis() / MINIMUM.toMillis();
        int n = (int) Math.min(parts, Math.min(pagesLeft / PAGES_A_PART, byLength));
        List<Instant> cuts = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            cuts.add(from.plus(rest.multipliedBy(i).dividedBy(n)).truncatedTo(ChronoUnit.SECONDS));
        }
        return cuts;
    }
}
