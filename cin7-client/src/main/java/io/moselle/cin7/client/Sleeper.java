package io.moselle.cin7.client;

import java.time.Duration;

/**
 * Waits. The client waits through this for the rate limiter and between retries, so tests can
 * inject one that advances a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Waits for {@code duration}; returns at once for zero or negative durations. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link Thread#sleep(long, int)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
