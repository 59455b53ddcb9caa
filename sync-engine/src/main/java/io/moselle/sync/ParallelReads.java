package io.moselle.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs reads of one run page by page, up to {@code parallelism} pages at once: the calling thread
 * and {@code parallelism - 1} workers of the engine's executor take reads from one queue. A read
 * goes back to the front of the queue after each page, so reads run to their end in the order
 * given, as many side by side as there are workers; with a parallelism of 1 they run one after
 * the other on the calling thread. After each page a read may split off reads of parts of what
 * it has left: its own decision from what it read, never from timing, so the same data always
 * gives the same requests.
 *
 * <p>A read that throws is handed to the failure handler (which fails its stream, or stops the
 * run) and is not run again; the other reads, of its stream too, go on. A stopped run ends every
 * worker before its next page.
 */
final class ParallelReads {
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
    private int busy;

    ParallelReads(int parallelism, Executor executor, RunControl control, FailureHandler onFailure) {
        this.parallelism = parallelism;
        this.executor = executor;
        this.control = control;
        this.onFailure = onFailure;
    }

    /** Runs {@code reads} to their end, or until the run stops; returns when every worker is done. */
    void run(List<? extends Read> reads) {
        synchronized (this) {
            queue.addAll(reads);
        }
        // every worker starts, even with fewer reads: reads may split
        CompletableFuture<?>[] workers = new CompletableFuture<?>[reads.isEmpty() ? 0 : parallelism - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = CompletableFuture.runAsync(this::workOnPooledThread, executor);
        }
        work();
        boolean interrupted = false;
        for (CompletableFuture<?> worker : workers) {
            while (true) {
                try {
                    worker.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the host interrupted its thread: stop the workers too, wait for them, leave its flag set
                    control.interruptWorkers();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a read failed unexpectedly", e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void workOnPooledThread() {
        control.register(Thread.currentThread());
        try {
            work();
        } finally {
            control.unregister(Thread.currentThread());
            Thread.interrupted(); // a stop's interrupt must not outlive the task on a pooled thread
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

    private synchronized void putBack(Read read, List<Read> parts) {
        busy--;
        for (int i = parts.size() - 1; i >= 0; i--) {
            queue.addFirst(parts.get(i));
        }
        if (read != null) {
            queue.addFirst(read);
        }
        notifyAll();
    }
}
