package io.moselle.sync.spi;

import io.moselle.sync.Cin7Request;
import io.moselle.sync.RunMode;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Window;
import io.moselle.sync.internal.Listeners;
import java.time.Duration;
import java.util.Optional;

/**
 * Progress of runs, for logs, metrics and progress bars. Every method has a no-op default.
 * Called on the threads running the tenant; implementations must be fast (most events come
 * while the run holds one of the engine's turns to compute, as many as the JVM has cores, which
 * the other runs wait for), thread-safe (runs of different tenants, and parallel streams of one,
 * call at once) and must not throw.
 */
public interface SyncListener {
    /** A listener that does nothing: the engine's default. */
    SyncListener NONE = new SyncListener() {};

    /** {@code listeners}, each told every event, in this order: how an engine has several. */
    static SyncListener all(SyncListener... listeners) {
        return Listeners.of(java.util.Arrays.asList(listeners));
    }

    /**
     * A run has its lease and knows its mode; its first request comes next. Every run that starts
     * ends with {@link #runFinished}.
     */
    default void runStarted(String tenantId, RunMode mode) {}

    /** A stream starts; {@code window} is empty for snapshots. */
    default void streamStarted(String tenantId, SyncStream stream, Optional<Window> window) {}

    /** A request of {@code stream} was answered, or failed without an answer. */
    default void requestCompleted(String tenantId, SyncStream stream, Cin7Request request) {}

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

    /** A run that started has ended, however it ended: its report, as {@code run} returns it. */
    default void runFinished(SyncReport report) {}
}
