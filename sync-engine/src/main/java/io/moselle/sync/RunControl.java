package io.moselle.sync;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handle the engine keeps on a run in progress: the threads working for it, and whether it
 * was cancelled. A run is stopped when the host cancelled it or interrupted the thread at work.
 */
final class RunControl {
    private final Thread thread;
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;
    private volatile boolean workersStopped;
    private volatile String lost;

    RunControl(Thread thread) {
        this.thread = thread;
    }

    /** A thread reading streams for this run besides the caller's. */
    void register(Thread worker) {
        workers.add(worker);
        if (cancelled || workersStopped) {
            worker.interrupt(); // a stream starting after the stop stops at once
        }
    }

    void unregister(Thread worker) {
        workers.remove(worker);
    }

    /** Stops the run at its next step; interrupting its threads also cuts short requests or waits in progress. */
    void cancel() {
        cancelled = true;
        thread.interrupt();
        interruptWorkers();
    }

    /** Interrupts the threads reading streams besides the caller's, and any that starts later. */
    void interruptWorkers() {
        workersStopped = true;
        workers.forEach(Thread::interrupt);
    }

    /** Stops the run because it lost a lease it needs: another holder may run the tenant now. */
    void lose(String why) {
        lost = why;
        cancel();
    }

    /** Whether the engine stopped the run: cancelled by the host, or a lease lost. */
    boolean isCancelled() {
        return cancelled;
    }

    /** Cancelled, a lease lost, or the host interrupted the thread at work. */
    boolean isStopped() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** Why the run stopped: cancelled, or FAILED with the lease it lost. */
    StreamStopped stopped() {
        String why = lost;
        return why != null ? new StreamStopped(SyncStatus.FAILED, why) : StreamStopped.cancelled();
    }

    /** @throws StreamStopped when the run is stopped */
    void checkNotStopped() {
        if (isStopped()) {
            throw stopped();
        }
    }
}
