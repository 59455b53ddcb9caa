package io.moselle.cin7.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Paces calls for one API connection before they are sent, and spends its daily
 * {@link CallBudget}. Cin7 counts calls per connection, so every client and thread using the
 * same credentials must share one limiter: pass it to each {@link Cin7Client.Builder#rateLimiter}.
 *
 * <p>Cin7 counts a call when it arrives, which is somewhere between the moment it was sent and
 * the moment its response came back. So a call is recorded at its send time, and moved to the
 * time its response arrived once it has: the next calls are spaced from that, and latency that
 * varies (a slow reply, a queue on a busy host) can never make Cin7 see too many calls in one
 * window. Each call reserves the earliest instant at which it fits both sliding windows, in
 * arrival order, then waits outside the lock. Thread-safe.
 */
public final class Cin7RateLimiter {
    private final RateLimits limits;
    private final CallBudget budget;
    private final Clock clock;
    /** The recorded times (epoch millis) of the latest calls, oldest first; as many as the larger window allows. */
    private final Slot[] recent;
    private int count;
    private int next;

    /** One call's place in the windows. */
    static final class Slot {
        private long at;

        private Slot(long at) {
            this.at = at;
        }
    }

    private Cin7RateLimiter(RateLimits limits, CallBudget budget, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recent = new Slot[limits.isUnlimited() ? 0 : Math.max(limits.perSecond(), limits.perMinute())];
    }

    /** A limiter with the given limits and budget, reading time from {@code clock}. */
    public static Cin7RateLimiter create(RateLimits limits, CallBudget budget, Clock clock) {
        return new Cin7RateLimiter(limits, budget, clock);
    }

    public RateLimits limits() {
        return limits;
    }

    public CallBudget budget() {
        return budget;
    }

    /**
     * Spends one call of the budget and reserves a send slot: {@code slot.waitTime()} says how
     * long to wait before sending.
     *
     * @throws CallBudgetExhaustedException when the day's budget is spent
     */
    Reservation reserve() {
        Instant now = clock.instant();
        if (!budget.tryAcquire(now)) {
            throw new CallBudgetExhaustedException("the daily call budget of this Cin7 API connection is spent ("
                    + budget + "); no request was sent", budget.nextReset(now).orElse(null));
        }
        if (limits.isUnlimited()) {
            return new Reservation(null, Duration.ZERO);
        }
        long nowMillis = now.toEpochMilli();
        synchronized (this) {
            long margin = limits.margin().toMillis();
            long at = Math.max(nowMillis, Math.max(
                    earliestAllowed(limits.perSecond(), 1_000 + margin),
                    earliestAllowed(limits.perMinute(), 60_000 + margin)));
            Slot slot = new Slot(at);
            recent[next] = slot;
            next = (next + 1) % recent.length;
            count = Math.min(count + 1, recent.length);
            return new Reservation(slot, Duration.ofMillis(at - nowMillis));
        }
    }

    /** Records that the call of {@code reservation} got its response now: later calls are spaced from here. */
    void completed(Reservation reservation) {
        if (reservation.slot != null) {
            long now = clock.millis();
            synchronized (this) {
                reservation.slot.at = Math.max(reservation.slot.at, now);
            }
        }
    }

    /** The earliest time at which a call keeps at most {@code limit} calls in any window of {@code windowMillis}. */
    private long earliestAllowed(int limit, long windowMillis) {
        if (count < limit) {
            return Long.MIN_VALUE;
        }
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = recent[i].at;
        }
        Arrays.sort(times);
        return times[count - limit] + windowMillis;
    }

    /** A reserved send slot and the wait before it. */
    static final class Reservation {
        private final Slot slot;
        private final Duration waitTime;

        private Reservation(Slot slot, Duration waitTime) {
            this.slot = slot;
            this.waitTime = waitTime;
        }

        Duration waitTime() {
            return waitTime;
        }
    }

    @Override
    public String toString() {
        return "Cin7RateLimiter{" + limits + ", " + budget + "}";
    }
}
