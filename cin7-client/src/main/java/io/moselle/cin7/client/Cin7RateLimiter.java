package io.moselle.cin7.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Paces calls for one API connection before they are sent, and spends its daily
 * {@link CallBudget}. Cin7 counts calls per connection, so every client and thread using the
 * same credentials must share one limiter: pass it to each {@link Cin7Client.Builder#rateLimiter}.
 *
 * <p>Each call reserves the earliest instant at which it fits both sliding windows, in arrival
 * order, then waits outside the lock. Thread-safe.
 */
public final class Cin7RateLimiter {
    private final RateLimits limits;
    private final CallBudget budget;
    private final Clock clock;
    /** Reserved send times (epoch millis), newest last; as many as the larger window allows. */
    private final long[] recent;
    private int count;
    private int next;

    private Cin7RateLimiter(RateLimits limits, CallBudget budget, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recent = limits.isUnlimited() ? new long[0] : new long[Math.max(limits.perSecond(), limits.perMinute())];
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
     * Spends one call of the budget and reserves a send slot.
     *
     * @return how long the caller must wait before sending (zero when it may send now)
     * @throws CallBudgetExhaustedException when the day's budget is spent
     */
    Duration reserve() {
        Instant now = clock.instant();
        if (!budget.tryAcquire(now)) {
            throw new CallBudgetExhaustedException("the daily call budget of this Cin7 API connection is spent ("
                    + budget + "); no request was sent");
        }
        if (limits.isUnlimited()) {
            return Duration.ZERO;
        }
        long nowMillis = now.toEpochMilli();
        synchronized (this) {
            long margin = limits.margin().toMillis();
            long slot = Math.max(count == 0 ? nowMillis : Math.max(nowMillis, nthMostRecent(1)),
                    Math.max(earliestAllowed(limits.perSecond(), 1_000 + margin),
                            earliestAllowed(limits.perMinute(), 60_000 + margin)));
            recent[next] = slot;
            next = (next + 1) % recent.length;
            count = Math.min(count + 1, recent.length);
            return Duration.ofMillis(slot - nowMillis);
        }
    }

    /** The earliest time at which a call keeps at most {@code limit} calls in any window of {@code windowMillis}. */
    private long earliestAllowed(int limit, long windowMillis) {
        if (count < limit) {
            return Long.MIN_VALUE;
        }
        return nthMostRecent(limit) + windowMillis;
    }

    private long nthMostRecent(int n) {
        return recent[Math.floorMod(next - n, recent.length)];
    }

    @Override
    public String toString() {
        return "Cin7RateLimiter{" + limits + ", " + budget + "}";
    }
}
