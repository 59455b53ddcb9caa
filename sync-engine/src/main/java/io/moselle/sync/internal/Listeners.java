package io.moselle.sync.internal;

import io.moselle.sync.Cin7Request;
import io.moselle.sync.RunMode;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Window;
import io.moselle.sync.spi.SyncListener;
import java.time.Duration;
import java.util.Optional;

/** The engine's log, then the host's listener: what every run tells. */
public final class Listeners implements SyncListener {
    private final SyncListener log = new RunLog();
    private final SyncListener host;

    private Listeners(SyncListener host) {
        this.host = host;
    }

    /** The engine's log followed by {@code host}. */
    public static SyncListener withLog(SyncListener host) {
        return new Listeners(host);
    }

    @Override
    public void runStarted(String tenantId, RunMode mode) {
        log.runStarted(tenantId, mode);
        host.runStarted(tenantId, mode);
    }

    @Override
    public void streamStarted(String tenantId, SyncStream stream, Optional<Window> window) {
        host.streamStarted(tenantId, stream, window);
    }

    @Override
    public void requestCompleted(String tenantId, SyncStream stream, Cin7Request request) {
        log.requestCompleted(tenantId, stream, request);
        host.requestCompleted(tenantId, stream, request);
    }

    @Override
    public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
        host.pageFetched(tenantId, stream, page, records, fetchedSoFar);
    }

    @Override
    public void throttled(String tenantId, SyncStream stream, Duration wait) {
        host.throttled(tenantId, stream, wait);
    }

    @Override
    public void retried(String tenantId, SyncStream stream, String reason, Duration delay) {
        host.retried(tenantId, stream, reason, delay);
    }

    @Override
    public void recentPartComplete(String tenantId, Duration elapsed) {
        host.recentPartComplete(tenantId, elapsed);
    }

    @Override
    public void streamFinished(String tenantId, StreamReport report) {
        log.streamFinished(tenantId, report);
        host.streamFinished(tenantId, report);
    }

    @Override
    public void runFinished(SyncReport report) {
        log.runFinished(report);
        host.runFinished(report);
    }
}
