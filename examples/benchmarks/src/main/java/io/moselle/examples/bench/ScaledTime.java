package io.moselle.examples.bench;

import io.moselle.cin7.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * Time running {@code factor} times faster than real time, for the simulator and the engine
 * alike: windows, waits and latencies all shrink together, so a run of hours is replayed in
 * minutes with the same proportions (a sliding window of a minute lasts six real seconds at a
 * factor of ten).
 */
final class ScaledTime extends Clock {
    private final Instant origin;
    private final long startNanos;
    private final int factor;

    ScaledTime(Instant origin, int factor) {
        this(origin, System.nanoTime(), factor);
    }

    private ScaledTime(Instant origin, long startNanos, int factor) {
        this.origin = origin;
        this.startNanos = startNanos;
        this.factor = factor;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((System.nanoTime() - startNanos) * factor);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Waits a scaled duration: {@code factor} times less in real time, holding no thread for {@link Sleeper#after}, as the system's. */
    Sleeper sleeper() {
        Sleeper real = Sleeper.system();
        return new Sleeper() {
            @Override
            public void sleep(Duration duration) throws InterruptedException {
                real.sleep(duration.dividedBy(factor));
            }

            @Override
            public CompletableFuture<Void> after(Duration duration) {
                return real.after(duration.dividedBy(factor));
            }
        };
    }

    /** A scaled duration as real time. */
    Duration real(Duration scaled) {
        return scaled.dividedBy(factor);
    }

    /** Scaled seconds since {@code since} (a value of {@link System#nanoTime()}). */
    double secondsSince(long since) {
        return (System.nanoTime() - since) * factor / 1e9;
    }
}
