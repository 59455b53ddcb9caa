package io.moselle.cin7.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits. The client waits through this for the rate limiter and between retries, so tests can
 * inject one that advances a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Waits for {@code duration}; returns at once for zero or negative durations. */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Completes once {@code duration} has passed. Override it to wait without holding a thread;
     * by default it {@linkplain #sleep sleeps} on the calling thread, then returns a completed
     * future (a failed one if interrupted, with the thread's flag set again), which suits a
     * sleeper that only advances a fake clock.
     */
    default CompletableFuture<Void> after(Duration duration) {
        try {
            sleep(duration);
            return CompletableFuture.completedFuture(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The real thing: {@link Thread#sleep(long, int)}, and waits that hold no thread (one timer thread of the JDK's). */
    static Sleeper system() {
        return new Sleeper() {
            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (!duration.isNegative() && !duration.isZero()) {
                    Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
                }
            }

            @Override
            public CompletableFuture<Void> after(Duration duration) {
                if (duration.isNegative() || duration.isZero()) {
                    return CompletableFuture.completedFuture(null);
                }
                return CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS, Runnable::run));
            }
        };
    }
}
