package io.moselle.sync.internal;

import io.moselle.mapping.Outcome;
import io.moselle.mapping.internal.Tally;
import io.moselle.sync.FailureKind;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** What one stream did so far. Thread-safe: parts of a stream may be read at once. */
public final class StreamCounters {
    final SyncStream stream;
    private final long startNanos = System.nanoTime();
    private final List<Window> windows = new ArrayList<>();
    private final Tally tally = new Tally();
    final AtomicLong apiCalls = new AtomicLong();
    final AtomicLong pages = new AtomicLong();
    final AtomicLong fetched = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
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

    /** The report of a stream that SUCCEEDED or was SKIPPED. */
    StreamReport report(SyncStatus status) {
        return report(status, null, null);
    }

    /**
     * @param why why it failed or stopped, or null
     * @param failure what kind of failure, when FAILED
     */
    synchronized StreamReport report(SyncStatus status, String why, FailureKind failure) {
        return StreamReport.builder().stream(stream).status(status).windows(windows).apiCalls(apiCalls.get()).pages(pages.get())
                .fetched(fetched.get()).upserted(tally.upserted()).retracted(tally.retracted()).reasons(tally.countsByKind())
                .examples(tally.examples()).retries(retries.get()).rateLimited(rateLimited.get())
                .throttled(Duration.ofMillis(throttledMillis.get())).duration(Duration.ofNanos(System.nanoTime() - startNanos))
                .error(Optional.ofNullable(why)).failureKind(Optional.ofNullable(failure)).build();
    }

    /** The report of a stream stopped by {@code stop}. */
    StreamReport report(StreamStopped stop) {
        return report(stop.status(), stop.getMessage(), stop.failure());
    }
}
