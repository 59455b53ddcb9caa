package io.moselle.sync.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs reads of one run page by page, up to {@code parallelism} pages at once: the calling thread
 * and up to {@code parallelism - 1} workers of the engine's executor, started while reads wait,
 * take reads from one queue. A read goes back to the front of the queue after each page, so
 * reads run to their end in the order given (newer history before older), as many side by side
 * as there are workers; with a parallelism of 1 they run one after the other on the calling
 * thread. After each page a read may split off reads of parts of what
 * it has left: its own decision from what it read, never from timing, so the same data always
 * gives the same requests.
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

        /** Parts of what is left, as reads of their own, when that is worth a call more each; usually none. */
        default List<Read> split() {
            return List.of();
        }
    }

    /** What to do with a read that threw. */
    interface FailureHandler {
        void failed(Read read, RuntimeException e);
    }

    private final int parallelism;
    private final Executor executor;
    private final RunControl control;
    private final FailureHandler onFailure;
    private final Deque<Read> queue = new ArrayDeque<>();
    /** Workers reading a page now; pooled workers started and not ended; guarded by this. */
    private int busy;
    private int pooled;
    /** An error that ended a pooled worker past the failure handler (a bug); {@link #run} rethrows it. */
    private Throwable unexpected;

    ParallelReads(int parallelism, Executor executor, RunControl control, FailureHandler onFailure) {
        this.parallelism = parallelism;
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
        work();
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

    /**
     * How many more pooled workers to start, counted as started: enough for the reads that wait
     * and no worker is free for, up to the parallelism (the calling thread is one). So a daily
     * run's few reads take few threads, a split read more.
     */
    private int workersWanted() {
        int wanted = 0;
        while (pooled + 1 < parallelism && queue.size() > idle()) {
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
            work();
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

    private void work() {
        for (Read read = take(); read != null; read = take()) {
            boolean more = false;
            try {
                more = read.next();
            } catch (RuntimeException e) {
                onFailure.failed(read, e);
                if (Thread.currentThread().isInterrupted() && !control.isStoppedByEngine()) {
                    control.interruptWorkers(); // the host interrupted its thread: the other workers stop too
                }
            }
            putBack(more ? read : null, more ? read.split() : List.of());
        }
    }

    /** The next read to advance, or null when there is none left (or the run stopped). */
    private synchronized Read take() {
        while (queue.isEmpty() && busy > 0 && !control.isStopped()) {
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
