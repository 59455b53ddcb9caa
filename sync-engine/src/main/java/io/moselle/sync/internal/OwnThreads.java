package io.moselle.sync.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the engine's daemon threads, and remembers them, so that closing the engine can wait
 * until each has ended: an executor reports itself terminated a moment before its last thread
 * has finished.
 */
public final class OwnThreads implements ThreadFactory {
    private final String name;
    private final AtomicInteger count = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    /** Threads named {@code name-1}, {@code name-2}... */
    public OwnThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable task) {
        threads.removeIf(t -> !t.isAlive()); // ended for good: nothing left to wait for
        Thread t = new Thread(task, name + "-" + count.incrementAndGet());
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    /** Waits until every thread made here has ended; their executor must be shut down first. Keeps an interrupt for the caller. */
    void awaitEnd() {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
