package io.moselle.sync.internal;

import io.moselle.sync.Cin7Request;
import io.moselle.sync.RunMode;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Window;
import io.moselle.sync.spi.SyncListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Several listeners told every event in turn: the engine's log and the host's listeners. */
public final class Listeners implements SyncListener {
    private final List<SyncListener> all;

    private Listeners(List<SyncListener> all) {
        this.all = List.copyOf(all);
    }

    /** The engine's log followed by {@code host}. */
    public static SyncListener withLog(SyncListener host) {
        return new Listeners(List.of(new RunLog(), host));
    }

    /** {@code listeners}, each told every event in this order. */
    public static SyncListener of(List<SyncListener> listeners) {
        return new Listeners(listeners);
    }

    @Override
    public void runStarted(String tenantId, RunMode mode) {
        all.forEach(l -> l.runStarted(tenantId, mode));
    }

    @Override
    public void streamStarted(String tenantId, SyncStream stream, Optional<Window> window) {
        all.forEach(l -> l.streamStarted(tenantId, stream, window));
    }

    @Override
    public void requestCompleted(String tenantId, SyncStream stream, Cin7Request request) {
        all.forEach(l -> l.requestCompleted(tenantId, stream, request));
    }

    @Override
    public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
        all.forEach(l -> l.pageFetched(tenantId, stream, page, records, fetchedSoFar));
    }

    @Override
    public void throttled(String tenantId, SyncStream stream, Duration wait) {
        all.forEach(l -> l.throttled(tenantId, stream, wait));
    }

    @Override
    public void retried(String tenantId, SyncStream stream, String reason, Duration delay) {
        all.forEach(l -> l.retried(tenantId, stream, reason, delay));
    }

    @Override
    public void recentPartComplete(String tenantId, Duration elapsed) {
        all.forEach(l -> l.recentPartComplete(tenantId, elapsed));
    }

    @Override
    public void streamFinished(String tenantId, StreamReport report) {
        all.forEach(l -> l.streamFinished(tenantId, report));
    }

    @Override
    public void runFinished(SyncReport report) {
        all.forEach(l -> l.runFinished(report));
    }
}
