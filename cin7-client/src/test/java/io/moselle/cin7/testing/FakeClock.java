package io.moselle.cin7.testing;

import io.moselle.cin7.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told, and a {@link Sleeper} that moves it instead of sleeping, so
 * tests of pacing and backoff take no real time. Records every sleep. Thread-safe.
 */
public final class FakeClock extends Clock {
    private final AtomicReference<Instant> now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public FakeClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    /** A sleeper that advances this clock by the requested duration and records it. */
    public Sleeper sleeper() {
        return d -> {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            sleeps.add(d);
            advance(d);
        };
    }

    /** Every duration slept so far, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
