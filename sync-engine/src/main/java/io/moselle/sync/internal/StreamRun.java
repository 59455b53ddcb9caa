package io.moselle.sync.internal;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7ClientListener;
import io.moselle.cin7.client.Page;
import io.moselle.cin7.client.Pager;
import io.moselle.sync.Cin7Request;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Window;
import io.moselle.sync.spi.SyncListener;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * One stream of one run: its counters, a Cin7 client that credits every call it makes to them
 * and passes its progress on to the engine's listener, and how the stream ended. Shared by the
 * threads reading parts of the stream.
 */
public final class StreamRun {
    final SyncStream stream;
    final StreamCounters counters;
    final Cin7Client client;
    final Delivery delivery;
    private final String tenantId;
    private final SyncListener listener;
    private final Runnable mayCall;
    private StreamReport ending;
    private StreamReport failure;

    /**
     * @param mayCall throws to stop the stream before a request: the run is stopped, or must not call
     */
    StreamRun(String tenantId, SyncStream stream, Cin7Client runClient, SyncListener listener, Delivery delivery, Runnable mayCall) {
        this.tenantId = tenantId;
        this.stream = stream;
        this.listener = listener;
        this.delivery = delivery;
        this.mayCall = mayCall;
        this.counters = new StreamCounters(stream);
        this.client = runClient.withListener(new Counting());
    }

    /** Before each request: throws when the run is stopped, or must make no further call. */
    void checkMayCall() {
        mayCall.run();
    }

    /** The stream starts reading a slice of its window, or the whole (for a snapshot, {@code window} is empty). */
    void started(Optional<Window> window) {
        listener.streamStarted(tenantId, stream, window);
    }

    /**
     * Fetches the pages of {@code pager} one at a time and hands each to {@code action}; before
     * every request it checks that the run was not stopped and that a re-sync keeps its reserve.
     */
    <T> void forEachPage(Pager<T> pager, Consumer<Page<T>> action) {
        Iterator<Page<T>> pages = pager.pages().iterator();
        while (true) {
            checkMayCall();
            if (!pages.hasNext()) {
                return;
            }
            Page<T> page = pages.next();
            fetched(page, page.number(), action);
        }
    }

    /** Counts the {@code number}-th page of a read, hands it to {@code action}, and tells the listener. */
    <T> void fetched(Page<T> page, int number, Consumer<Page<T>> action) {
        counters.pages.incrementAndGet();
        long fetched = counters.fetched.addAndGet(page.items().size());
        action.accept(page);
        listener.pageFetched(tenantId, stream, number, page.items().size(), fetched);
    }

    /** The stream read and delivered everything it had to. */
    void succeeded() {
        end(counters.report(SyncStatus.SUCCEEDED));
    }

    /**
     * A read of the stream failed with {@code report}'s status and error (the first failure is
     * the one reported). The stream's other reads go on: a bad page in one slice does not hold
     * back the others, and what they deliver is kept. The stream ends when the run does.
     */
    synchronized void failed(StreamReport report) {
        if (ending == null && failure == null) {
            failure = report;
        }
    }

    /** The stream ends as {@code report} says (stopped with the run), unless it already ended. */
    synchronized void end(StreamReport report) {
        if (ending == null) {
            ending = report;
            listener.streamFinished(tenantId, report);
        }
    }

    /** Whether a read of the stream failed. */
    synchronized boolean hasFailed() {
        return failure != null;
    }

    synchronized boolean hasEnded() {
        return ending != null || failure != null;
    }

    /** How the stream ended: its first failure, with every count of the run; as the stopped run did if it never ended. */
    StreamReport report(RunControl control) {
        StreamReport failed;
        synchronized (this) {
            failed = failure;
        }
        end(failed != null ? counters.report(failed.status(), failed.error().orElse(null), failed.failureKind().orElse(null)) : counters.report(control.stopped()));
        synchronized (this) {
            return ending;
        }
    }

    /** Counts the client's traffic into this stream and passes it on to the sync listener. */
    private final class Counting implements Cin7ClientListener {
        @Override
        public void requestSent(String method, String path, int attempt) {
            counters.apiCalls.incrementAndGet();
        }

        @Override
        public void responseReceived(String method, String path, int attempt, int statusCode, Duration elapsed) {
            if (statusCode == 429) {
                counters.rateLimited.incrementAndGet();
            }
            listener.requestCompleted(tenantId, stream, new Cin7Request(path, attempt, OptionalInt.of(statusCode), elapsed));
        }

        @Override
        public void requestFailed(String method, String path, int attempt, String reason, Duration elapsed) {
            listener.requestCompleted(tenantId, stream, new Cin7Request(path, attempt, OptionalInt.empty(), elapsed));
        }

        @Override
        public void retryScheduled(String method, String path, int attempt, String reason, Duration delay) {
            counters.retries.incrementAndGet();
            listener.retried(tenantId, stream, reason, delay);
        }

        @Override
        public void throttled(String method, String path, Duration wait) {
            counters.throttledMillis.addAndGet(wait.toMillis());
            listener.throttled(tenantId, stream, wait);
        }
    }
}
