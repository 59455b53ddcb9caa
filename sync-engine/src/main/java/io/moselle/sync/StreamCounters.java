package io.moselle.sync;

import io.moselle.mapping.Tally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What one stream did so far; confined to the run's thread. */
final class StreamCounters {
    final SyncStream stream;
    final List<Window> windows = new ArrayList<>();
    final Tally tally = new Tally();
    final long startNanos = System.nanoTime();
    long apiCalls;
    long pages;
    long fetched;
    long retries;
    long throttledMillis;

    StreamCounters(SyncStream stream) {
        this.stream = stream;
    }

    StreamReport report(SyncStatus status, String error) {
        return new StreamReport(stream, status, windows, apiCalls, pages, fetched, tally.upserted(), tally.retracted(),
                tally.counts(), tally.examples(), retries, Duration.ofMillis(throttledMillis),
                Duration.ofNanos(System.nanoTime() - startNanos), error);
    }
}
