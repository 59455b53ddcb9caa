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
import java.util.Optional;

/**
 * How a stream's planned window is cut into slices: pure functions of the plan.
 *
 * <ul>
 *   <li><b>Newest first</b>: every pending slice that crosses the start of the recent part (the
 *   stream's lookback) is cut there, and the slices are ordered by their end, newest first, so
 *   the recent part is read before older history.</li>
 *   <li><b>Halving</b>: a slice of a long window (a first run's history, a re-sync) may be cut in
 *   two at its middle second while it is read, {@link #halvings} times at most; both halves go on
 *   after the slice's last delivered id. A slice is never cut below {@link #MINIMUM} a half.</li>
 * </ul>
 * Cutting a slice after its last id is always safe: every record of it with a smaller id was
 * delivered, whichever half of the window it is in.
 */
public final class SlicePlanner {
    /** The shortest half a slice is cut into. */
    static final Duration MINIMUM = Duration.ofDays(1);

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

    /**
     * How often a planned slice may be halved so that a stream's parts number about twice the
     * requests allowed in flight: none when one request at a time is allowed.
     */
    static int halvings(int parallelism) {
        return parallelism <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(2 * parallelism - 1);
    }

    /** Where to cut {@code window} in two: its middle second, unless a half would be shorter than {@link #MINIMUM}. */
    static Optional<Instant> middle(Window window) {
        Duration length = Duration.between(window.from(), window.to());
        if (length.compareTo(MINIMUM.multipliedBy(2)) < 0) {
            return Optional.empty();
        }
        return Optional.of(window.from().plus(length.dividedBy(2)).truncatedTo(ChronoUnit.SECONDS));
    }
}
