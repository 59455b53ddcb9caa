package io.moselle.sync.internal;

import io.moselle.sync.Window;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.Slice;
import java.time.Duration;
import java.time.Instant;
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
 *   <li><b>Cutting by id</b>: a slice of a long window (a first run's history, a re-sync) may
 *   be cut into parts while it is read, each part holding the window's records of one range of
 *   ids after the slice's last delivered id, sized to end with a nearly full page
 *   ({@link #cuts}).</li>
 * </ul>
 * Cutting a slice after its last id is always safe: every record of it with a smaller id was
 * delivered, and each record with a larger one is in exactly one part, whenever it was created or
 * modified.
 */
public final class SlicePlanner {
    /** The least share of an unbounded slice's pages left to its newest part. */
    private static final double NEWEST_SHARE = 0.1;

    private SlicePlanner() {}

    /** {@code plan} with its pending slices cut at {@code recentFrom} and ordered newest first. */
    static Checkpoint newestFirst(Checkpoint plan, Instant recentFrom) {
        List<Slice> slices = new ArrayList<>();
        for (Slice slice : plan.pending()) {
            Window w = slice.window();
            if (w.from().isBefore(recentFrom) && w.to().isAfter(recentFrom)) {
                slices.add(new Slice(new Window(recentFrom, w.to()), slice.lastId(), slice.highestId()));
                slices.add(new Slice(new Window(w.from(), recentFrom), slice.lastId(), slice.highestId()));
            } else {
                slices.add(slice);
            }
        }
        slices.sort(Comparator.comparing((Slice s) -> s.window().to()).thenComparing(s -> s.window().from())
                .thenComparingLong(Slice::highestId).reversed());
        return new Checkpoint(plan.newestWindow().orElse(null), slices);
    }

    /** Whether {@code slice} is part of the recent part, which starts at {@code recentFrom}. */
    static boolean isRecent(Slice slice, Instant recentFrom) {
        return !slice.window().from().isBefore(recentFrom);
    }

    /** A record read: its id, and when it was created, if Cin7 says. */
    record Seen(long id, Instant created) {}

    /**
     * Where to cut what is left of {@code rest} (the slice after its last delivered id, the last
     * id of {@code page}) into at most {@code parts} parts, by id: the highest id of each part
     * but the newest, ascending. None when the page says fewer than two pages are left.
     *
     * <p>{@code page} is a full page, in the order read (by id). Every part but the newest is
     * given the ids of a whole number of pages: a range of ids holds at most as many records, so
     * it is read in that many calls whatever its records (the last page is short, or ends at the
     * part's highest id). Where the page's newer half says the window's records lie sparser among
     * ids, a part is given more ids, as many as hold its pages by that density less a margin for
     * the spread of the draw. Parts are as many as wanted, and as few pages each as that allows.
     *
     * <p>The pages left are the density's over a bounded slice; over an unbounded one, the pace
     * at which the page's records were created, to the window's end, and its newest part is left
     * at least a tenth of them, so that an estimate a tenth too high still leaves it rows to read.
     */
    static List<Long> cuts(Slice rest, List<Seen> page, int parts) {
        int rows = page.size();
        if (parts < 2 || rows < 4) {
            return List.of();
        }
        int half = rows / 2;
        long span = page.get(rows - 1).id() - page.get(half).id();
        if (span <= 0) {
            return List.of();
        }
        double density = Math.min(1.0, (double) (rows - 1 - half) / span);
        double pagesLeft = rest.isBounded() ? density * (rest.highestId() - rest.lastId()) / rows : pagesLeftByPace(rest.window(), page);
        int wanted = (int) Math.min(parts, Math.floor(pagesLeft));
        if (wanted < 2) {
            return List.of();
        }
        int pagesAPart = (int) Math.ceil(pagesLeft / wanted);
        double held = (double) pagesAPart * rows;
        // the rows of a part given `held / density` ids: a binomial draw of its ids at a density measured from (rows - half) records
        double spread = Math.sqrt(held * (1 - density) + held * held * (1 - density) / (rows - half));
        long width = Math.max((long) held, (long) Math.floor((held - 3 * spread) / density));
        int n = wanted; // a bounded slice's cuts stop short of its highest id (below)
        if (!rest.isBounded()) {
            double newest = Math.max(1, pagesLeft * NEWEST_SHARE);
            n = (int) Math.min(wanted, 1 + Math.floor((pagesLeft - newest) * rows / (width * density)));
        }
        List<Long> cuts = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (width > (Long.MAX_VALUE - rest.lastId()) / i) {
                break; // ids so sparse that the cut would pass the last id there can be
            }
            long cut = rest.lastId() + i * width;
            if (cut > rest.highestId() - width / 4) {
                break; // the newest part would hold too few ids to be worth a call of its own
            }
            cuts.add(cut);
        }
        return cuts;
    }

    /**
     * The pages left in {@code window} after {@code page}, from the pace at which its records
     * created in the window were created; 0 when the page does not say.
     */
    private static double pagesLeftByPace(Window window, List<Seen> page) {
        Instant first = null;
        Instant last = null;
        int count = 0;
        for (Seen seen : page) {
            Instant created = seen.created();
            if (created != null && !created.isBefore(window.from()) && created.isBefore(window.to())) {
                first = first == null || created.isBefore(first) ? created : first;
                last = last == null || created.isAfter(last) ? created : last;
                count++;
            }
        }
        if (first == null || !last.isAfter(first)) {
            return 0;
        }
        double recordsAMilli = (double) (count - 1) / Duration.between(first, last).toMillis();
        return recordsAMilli * Duration.between(last, window.to()).toMillis() / page.size();
    }
}
