package io.moselle.sync.internal;

import java.util.concurrent.Semaphore;

/**
 * The engine's runs' share of the machine's cores: at most as many steps compute at once
 * (reading an answer's body, mapping a page, checking a request's slot and sending it) as there
 * are permits, by default as many as the cores the JVM may use.
 *
 * <p>Why: hundreds of runs computing at once would each get a sliver of the cores, and so would
 * the HTTP client's threads. Requests the pacing let go would then reach Cin7 seconds later, into
 * a window shared with the calls sent after them, and be refused (429). With the computing
 * bounded, the client's threads find a core at once. A run waiting for a permit waits on its own
 * thread. The host's sink and checkpoint store wait on I/O, not on cores: their calls give the
 * permit back while they last ({@link #outside}), so a slow database never holds up the other
 * tenants. Thread-safe.
 */
final class CpuPermits {
    private final Semaphore permits;
    /** Whether the current thread holds a permit. */
    private final ThreadLocal<Boolean> held = new ThreadLocal<>();

    CpuPermits(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.permits = new Semaphore(permits, true);
    }

    /** As many permits as the cores the JVM may use. */
    static CpuPermits ofCores() {
        return new CpuPermits(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code step} once a permit is free, in the order steps came.
     *
     * @throws InterruptedException when interrupted while waiting: {@code step} did not run
     */
    void run(Runnable step) throws InterruptedException {
        permits.acquire();
        held.set(Boolean.TRUE);
        try {
            step.run();
        } finally {
            held.remove();
            permits.release();
        }
    }

    /**
     * Runs {@code io}, which waits on something else than the cores, without the permit the
     * calling thread holds, if any: it takes one back after, even if interrupted meanwhile (the
     * interrupt stays set).
     */
    void outside(Runnable io) {
        if (held.get() == null) {
            io.run();
            return;
        }
        held.remove();
        permits.release();
        try {
            io.run();
        } finally {
            permits.acquireUninterruptibly();
            held.set(Boolean.TRUE);
        }
    }

    /** How many threads wait for a permit now: for tests. */
    int waiting() {
        return permits.getQueueLength();
    }
}
