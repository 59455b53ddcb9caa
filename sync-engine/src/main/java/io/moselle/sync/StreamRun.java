package io.moselle.sync;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7ClientListener;
import io.moselle.cin7.client.Page;
import io.moselle.cin7.client.Pager;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * One stream of one run: its counters, and a Cin7 client that credits every call it makes to
 * them and passes its progress on to the engine's listener. Shared by the threads reading parts
 * of the stream.
 */
final class StreamRun {
    final SyncStream stream;
    final StreamCounters counters;
    final Cin7Client client;
    final TenantRun run;

    StreamRun(TenantRun run, SyncStream stream, Cin7Client runClient) {
        this.run = run;
        this.stream = stream;
        this.counters = new StreamCounters(stream);
        this.client = runClient.withListener(new Counting());
    }

    /** The stream starts reading, a window of it or the whole (for a snapshot, {@code window} is null). */
    void started(Window window) {
        if (window != null) {
            counters.window(window);
        }
        run.listener().streamStarted(run.tenantId(), stream, window);
    }

    /**
     * Fetches the pages of {@code pager} one at a time and hands each to {@code action}; before
     * every request it checks that the run was not stopped and that a re-sync keeps its reserve.
     */
    <T> void forEachPage(Pager<T> pager, Consumer<Page<T>> action) {
        Iterator<Page<T>> pages = pager.pages().iterator();
        while (true) {
            run.checkMayCall();
            if (!pages.hasNext()) {
                return;
            }
            Page<T> page = pages.next();
            counters.pages.incrementAndGet();
            long fetched = counters.fetched.addAndGet(page.items().size());
            action.accept(page);
            run.listener().pageFetched(run.tenantId(), stream, page.number(), page.items().size(), fetched);
        }
    }

    /** Counts the client's traffic into this stream and passes it on to the sync listener. */
    private final class Counting implements Cin7ClientListener {
        @Override
        public void requestSent(String method, String path, int attempt) {
            counters.apiCalls.incrementAndGet();
        }

        @Override
        public void retryScheduled(String method, String path, int attempt, String reason, Duration delay) {
            counters.retries.incrementAndGet();
            run.listener().retried(run.tenantId(), stream, reason, delay);
        }

        @Override
        public void throttled(String method, String path, Duration wait) {
            counters.throttledMillis.addAndGet(wait.toMillis());
            run.listener().throttled(run.tenantId(), stream, wait);
        }
    }
}
