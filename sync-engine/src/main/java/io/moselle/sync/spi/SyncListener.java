package io.moselle.sync.spi;

import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Window;
import java.time.Duration;

/**
 * Progress of runs, for logs, metrics and progress bars. Every method has a no-op default.
 * Called on the threads running the tenant; implementations must be fast and thread-safe (runs
 * of different tenants, and parallel streams of one, call at once) and must not throw.
 */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {};

    /** A stream starts; {@code window} is null for snapshots. */
    default void streamStarted(String tenantId, SyncStream stream, Window window) {}

    /** A page was read, mapped and delivered. */
    default void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {}

    /** The rate limiter held a request back. */
    default void throttled(String tenantId, SyncStream stream, Duration wait) {}

    /** A failed request will be retried. */
    default void retried(String tenantId, SyncStream stream, String reason, Duration delay) {}

    /**
     * The recent part is in: products, stock and the lookback period (the last 90 days by
     * default) of every windowed stream were delivered; older history comes next. Not called when
     * a stream failed or the run stopped before.
     */
    default void recentPartComplete(String tenantId, Duration elapsed) {}

    /** A stream ended, however it ended. */
    default void streamFinished(String tenantId, StreamReport report) {}
}
