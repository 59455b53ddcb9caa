package io.moselle.sync.internal;

import io.moselle.sync.Window;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.Slice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which {@code modifiedDate} windows a run reads: a pure function of the stream's checkpoint,
 * the run's "now", its mode and the tenant's settings. The answer is the checkpoint to start
 * from: its pending slices, in order, are what to read.
 *
 * <ul>
 *   <li><b>First run</b> (no window yet): {@code [now - initialHistory, now)}.</li>
 *   <li><b>Daily run</b>: {@code [now - lookback, now)}; or, when the newest window planned ended
 *   before that (the tenant paused longer than its lookback), from that end: never a gap.</li>
 *   <li><b>Re-sync from a date</b>: {@code [from, now)}; run again with the same date while
 *   slices of it are pending, it only resumes them.</li>
 * </ul>
 * Slices pending from earlier runs are read first, after their last delivered id, cut to the
 * part before the new window (which reads the rest again in full).
 */
public final class WindowPlanner {
    private WindowPlanner() {}

    /**
     * @param resyncFrom the start of a re-sync, or null for a daily run
     */
    static Checkpoint plan(Checkpoint current, Instant now, Instant resyncFrom, int lookbackDays, int initialHistoryDays) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(now, "now");
        Instant from;
        if (resyncFrom != null) {
            boolean resuming = !current.isComplete() && current.newestWindow().map(w -> w.from().equals(resyncFrom)).orElse(false);
            if (resuming) {
                return current;
            }
            from = resyncFrom;
        } else {
            Instant lookback = now.minus(Duration.ofDays(lookbackDays));
            from = current.coveredUpTo()
                    .map(covered -> covered.isBefore(lookback) ? covered : lookback)
                    .orElse(now.minus(Duration.ofDays(initialHistoryDays)));
        }
        Window window = new Window(from, now);
        List<Slice> pending = new ArrayList<>();
        for (Slice slice : current.pending()) {
            Window before = slice.window().before(from);
            if (!before.isEmpty()) {
                pending.add(new Slice(before, slice.lastId(), slice.highestId()));
            }
        }
        if (!window.isEmpty()) {
            pending.add(Slice.of(window));
        }
        return new Checkpoint(window.isEmpty() ? current.newestWindow().orElse(window) : window, pending);
    }
}
