package io.moselle.sync.internal;

import io.moselle.sync.FailureKind;
import io.moselle.sync.SyncStatus;
import java.time.Instant;

/**
 * The handle the engine keeps on a run in progress: the thread it runs on, and whether it was
 * stopped, and why: cancelled by the host, paused (Cin7's day or the budget spent), or failed (a
 * lease lost). A stop interrupts the run's thread, so every stream stops at once and the requests
 * in flight are abandoned. The host interrupting the thread at work stops the run too.
 */
public final class RunControl {
    private final Thread thread;
    private volatile StreamStopped stop;
    private volatile Instant resumeAfter;
    private boolean finished;

    RunControl(Thread thread) {
        this.thread = thread;
    }

    /** Cancelled by the host: every stream ends CANCELLED. */
    void cancel() {
        stop(new StreamStopped(SyncStatus.CANCELLED, "cancelled"));
    }

    /** Stops the run because it lost a lease it needs: another holder may run the tenant now. */
    void lose(String why) {
        stop(new StreamStopped(SyncStatus.FAILED, why, FailureKind.LEASE_LOST));
    }

    /**
     * Pauses the run: Cin7 will not answer before {@code until} (null when unknown), rounded up to
     * the second, as people and {@code Retry-After} count; the next run resumes.
     */
    void pause(String why, Instant until) {
        if (stop == null && until != null) {
            Instant second = until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            resumeAfter = second.equals(until) ? until : second.plusSeconds(1);
        }
        stop(new StreamStopped(SyncStatus.PAUSED, why));
    }

    private synchronized void stop(StreamStopped reason) {
        if (finished) {
            return; // a stop that comes after the run ended must not interrupt the host's thread
        }
        if (stop == null) {
            stop = reason; // the first reason wins: what follows is its consequence
        }
        thread.interrupt();
    }

    /**
     * The run is over: no stop interrupts its thread from now on, and the interrupt the engine
     * set is cleared, so the host's thread is left as it was (a host's own interrupt stays).
     */
    synchronized void finish() {
        finished = true;
        if (stop != null) {
            Thread.interrupted();
        }
    }

    /** Stopped by the engine, or the host interrupted the thread at work. */
    boolean isStopped() {
        return stop != null || Thread.currentThread().isInterrupted();
    }

    /** Stopped by the engine (cancel, pause, lease lost), as opposed to a host interrupting its thread. */
    boolean isStoppedByEngine() {
        return stop != null;
    }

    /** How the run stopped; CANCELLED when the host interrupted it. */
    StreamStopped stopped() {
        StreamStopped reason = stop;
        return reason != null ? reason : new StreamStopped(SyncStatus.CANCELLED, "cancelled");
    }

    /** When Cin7 or the budget allows calls again, as the pause that stopped the run said; null if unknown. */
    Instant resumeAfter() {
        return resumeAfter;
    }

    /** @throws StreamStopped when the run is stopped */
    void checkNotStopped() {
        if (isStopped()) {
            throw stopped();
        }
    }
}
