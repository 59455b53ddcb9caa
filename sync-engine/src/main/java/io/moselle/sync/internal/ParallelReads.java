package io.moselle.sync.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;

/**
 * Runs reads of one run page by page, as many pages at once as {@code inFlight} says now (the
 * requests that keep the connection's limits busy at the latency measured, within the engine's
 * cap): the calling thread and workers of the engine's executor, started while reads wait, take
 * reads from one queue, and a worker beyond that number ends after its page. A read goes back to
 * the front of the queue after each page, so reads run to their end in the order given (newer
 * history before older), as many side by side as there are workers; when one request at a time
 * keeps up, they run one after the other on the calling thread. After each page a read may split
 * off reads of parts of what it has left, at most as many as requests in flight are to spare, and
 * only where its data says each part has pages to read.
 *
 * <p>A read that throws is handed to the failure handler (which fails its stream, or stops the
 * run) and is not run again; the other reads, of its stream too, go on. A stopped run ends every
 * worker before its next page.
 */
public final class ParallelReads {
    /** A chain of pages: a slice of a window, a snapshot, or a helper reading pages of one. */
    interface Read {
        /** The stream the read is part of. */
        StreamRun stream();

        /** Reads and delivers the next page; false when the read is done. */
        boolean next();

        /**
         * Parts of what is left, as reads of their own, at most {@code spare} (requests the run
         * could keep in flight and has no read for), and only when each part has pages to read:
         * a part whose first answer would be empty is a call wasted. Usually none.
         */
        default List<Read> split(int spare) {
            return List.of();
        }
    }

    /** What to do with a read that threw. */
    interface FailureHandler {
        void failed(Read read, RuntimeException e);
    }

    private final IntSupplier inFlight;
    private final Executor executor;
    private final RunControl control;
    private final FailureHandler onFailure;
    private final Deque<Read> queue = new ArrayDeque<>();
    /** Workers reading a page now; pooled workers started and not ended; guarded by this. */
    private int busy;
    private int pooled;
    /** An error that ended a pooled worker past the failure handler (a bug); {@link #run} rethrows it. */
    private Throwable unexpected;

    /** @param inFlight how many requests to keep in flight now, at least 1; asked after each page */
    ParallelReads(IntSupplier inFlight, Executor executor, RunControl control, FailureHandler onFailure) {
        this.inFlight = inFlight;
        this.executor = executor;
        this.control = control;
        this.onFailure = onFailure;
    }

    /** Runs {@code reads} to their end, or until the run stops; returns when every worker is done. */
    void run(List<? extends Read> reads) {
        int start;
        synchronized (this) {
            queue.addAll(reads);
            start = workersWanted();
        }
        startWorkers(start);
        work(false);
        boolean interrupted = false;
        synchronized (this) {
            while (pooled > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the host interrupted its thread: stop the workers too, wait for them, leave its flag set
                    control.interruptWorkers();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (unexpected != null) {
            throw new IllegalStateException("a read failed unexpectedly", unexpected);
        }
    }

    /** Requests to keep in flight now; guarded by this. */
    private int target() {
        return Math.max(1, inFlight.getAsInt());
    }

    /**
     * How many more pooled workers to start, counted as started: enough for the reads that wait
     * and no worker is free for, up to the requests to keep in flight (the calling thread is
     * one). So a daily run's few reads take few threads, a split read more.
     */
    private int workersWanted() {
        int wanted = 0;
        int target = target();
        while (pooled + 1 < target && queue.size() > idle()) {
            pooled++;
            wanted++;
        }
        return wanted;
    }

    /** Starts {@code n} pooled workers; outside the lock, since an executor may run a task at once. */
    private void startWorkers(int n) {
        for (int i = 0; i < n; i++) {
            try {
                executor.execute(this::workOnPooledThread);
            } catch (RuntimeException e) {
                synchronized (this) {
                    pooled -= n - i; // a full or shut-down executor: the workers there are do the work
                    notifyAll();
                }
                return;
            }
        }
    }

    /** Workers not reading a page now: the calling thread and the pooled ones. */
    private int idle() {
        return pooled + 1 - busy;
    }

    private void workOnPooledThread() {
        control.register(Thread.currentThread());
        try {
            work(true);
        } catch (Throwable e) {
            synchronized (this) {
                unexpected = e;
            }
        } finally {
            control.unregister(Thread.currentThread());
            Thread.interrupted(); // a stop's interrupt must not outlive the task on a pooled thread
            synchronized (this) {
                pooled--;
                notifyAll();
            }
        }
    }

    /** @param pooled whether this is a pooled worker, which ends when more requests are in flight than wanted */
    private void work(boolean pooled) {
        for (Read read = take(pooled); read != null; read = take(pooled)) {
            boolean more = false;
            try {
                more = read.next();
            } catch (RuntimeException e) {
                onFailure.failed(read, e);
                if (Thread.currentThread().isInterrupted() && !control.isStoppedByEngine()) {
                    control.interruptWorkers(); // the host interrupted its thread: the other workers stop too
                }
            }
            putBack(more ? read : null, more ? read.split(spare()) : List.of());
        }
    }

    /** Requests that could be in flight besides those of the reads running and waiting, this one included. */
    private synchronized int spare() {
        return Math.max(0, target() - busy - queue.size());
    }

    /**
     * The next read to advance, or null when there is none left (or the run stopped), or when
     * {@code pooled} and enough other workers are reading a page: this worker is not needed now.
     */
    private synchronized Read take(boolean pooled) {
        if (pooled && busy >= target()) {
            return null;
        }
        while ((queue.isEmpty() || busy >= target()) && busy > 0 && !control.isStopped()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // seen by isStopped() below and by the caller
            }
        }
        if (queue.isEmpty() || control.isStopped()) {
            notifyAll();
            return null;
        }
        busy++;
        return queue.pollFirst();
    }

    private void putBack(Read read, List<Read> parts) {
        int start;
        synchronized (this) {
            busy--;
            for (int i = parts.size() - 1; i >= 0; i--) {
                queue.addFirst(parts.get(i));
            }
            if (read != null) {
                queue.addFirst(read);
            }
            start = workersWanted();
            notifyAll();
        }
        startWorkers(start);
    }
}
