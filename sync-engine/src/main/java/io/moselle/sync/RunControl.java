package io.moselle.sync;

/** The handle the engine keeps on a run in progress: who runs it, and whether it was cancelled. */
final class RunControl {
    private final Thread thread;
    private volatile boolean cancelled;

    RunControl(Thread thread) {
        this.thread = thread;
    }

    /** Stops the run at its next step; interrupting the thread also cuts short a request or wait in progress. */
    void cancel() {
        cancelled = true;
        thread.interrupt();
    }

    boolean isCancelled() {
        return cancelled;
    }
}
