package io.moselle.sync;

import io.moselle.mapping.Outcome;
import io.moselle.mapping.Tally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What one stream did so far. Thread-safe: parts of a stream may be read at once. */
final class StreamCounters {
    final SyncStream stream;
    private final long startNanos = System.nanoTime();
    private final List<Window> windows = new ArrayList<>();
    private final Tally tally = new Tally();
    final AtomicLong apiCalls = new AtomicLong();
    final AtomicLong pages = new AtomicLong();
    final AtomicLong fetched = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong throttledMillis = new AtomicLong();

    StreamCounters(SyncStream stream) {
        this.stream = stream;
    }

    synchronized void window(Window window) {
        windows.add(window);
    }

    synchronized void count(Outcome<?> outcome) {
        tally.add(outcome);
    }

    synchronized void count(Tally other) {
        tally.addAll(other);
    }

    synchronized StreamReport report(SyncStatus status, String error) {
        return new StreamReport(stream, status, windows, apiCalls.get(), pages.get(), fetched.get(), tally.upserted(),
                tally.retracted(), tally.counts(), tally.examples(), retries.get(), Duration.ofMillis(throttledMillis.get()),
                Duration.ofNanos(System.nanoTime() - startNanos), error);
    }
}
