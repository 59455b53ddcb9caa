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
 * the moment its response came back. So each call is recorded at the latest time Cin7 may have
 * counted it: {@link RateLimits#countedWithin()} after it was sent while it is in flight, and the
 * time its response arrived, if sooner, once it has. The next calls are spaced from those times,
 * so neither latency that varies (a queue on a busy host) nor calls still in flight can make
 * Cin7 see too many calls in one window, while the seconds Cin7 spends answering a page do not
 * hold back the calls after it. Each call reserves the earliest instant at which it fits both
 * sliding windows, in arrival order, then waits outside the lock.
 *
 * <p>Cin7's limits are shared with every other app on the customer's account, so Cin7 may refuse
 * a call (429) that these windows allowed. Each such refusal lowers the per-minute pace to 90% of
 * the calls sent in the last minute, but at most to 45% of the pace before (multiplicative
 * decrease; the per-second burst in proportion; once a minute at most, since refusals within a
 * minute answer calls sent before; calls already waiting for a slot are placed again at the
 * lower pace), and every answered call then raises it (additive increase): by 1/7200 of the
 * limit near the calls of the minute Cin7 refused one (from 95% to 110% of them), so the pace
 * settles just under what the other apps leave, probing upwards slowly; by 1/300 below and
 * above that, so a lone refusal costs little and the pace comes back to the full limit soon
 * after the other apps stop.
 * {@link #refusals()} and {@link #slowedTime()} say how often and how long. Thread-safe.
 */
public final class Cin7RateLimiter {
    private final RateLimits limits;
    private final CallBudget budget;
    private final Clock clock;
    /**
     * The latest calls, in the order they were reserved: twice as many as the larger window
     * allows, since replies coming back in another order leave their times out of order.
     */
    private final Slot[] recent;
    private int count;
    private int next;
    /** The per-minute pace allowed now: the limit, or less after a refusal, recovering call by call. */
    private double perMinuteNow;
    private long refusals;
    /** Epoch millis of the last slow-down: refusals within a minute of it answer calls sent before it, and are not counted again. */
    private long lastDecrease = Long.MIN_VALUE;
    /** Epoch millis since when the pace is below the limit, or {@link Long#MIN_VALUE}. */
    private long slowedSince = Long.MIN_VALUE;
    private long slowedMillis;
    /** How many times the pace was lowered: a reservation made before the last time is placed again. */
    private long decreases;

    /** The share of the last minute's calls kept after a refusal. */
    private static final double DECREASE = 0.9;
    /** The share of the limit won back per answered call away from the pace of the last refusal. */
    private static final double FAST_INCREASE = 1.0 / 300;
    /** The share of the limit won back per answered call near the pace of the last refusal: probing, slowly. */
    private static final double SLOW_INCREASE = 1.0 / 7_200;
    /** The calls of the last minute when Cin7 last refused one (at most the pace then): about what it let through. */
    private double paceAtRefusal;

    /** One call's place in the windows. */
    static final class Slot {
        /** When the call is (or was) sent, epoch millis. */
        private long sentAt;
        /** The latest Cin7 may have counted it, epoch millis: what later calls are spaced from. */
        private long at;

        private Slot(long sentAt, long countedWithin) {
            this.sentAt = sentAt;
            this.at = sentAt + countedWithin;
        }
    }

    private Cin7RateLimiter(RateLimits limits, CallBudget budget, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recent = new Slot[limits.isUnlimited() ? 0 : 2 * Math.max(limits.perSecond(), limits.perMinute())];
        this.perMinuteNow = limits.perMinute();
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
            return new Reservation(null, Duration.ZERO, 0);
        }
        long nowMillis = now.toEpochMilli();
        synchronized (this) {
            long at = earliestSlot(nowMillis);
            Slot slot = new Slot(at, limits.countedWithin().toMillis());
            recent[next] = slot;
            next = (next + 1) % recent.length;
            count = Math.min(count + 1, recent.length);
            return new Reservation(slot, Duration.ofMillis(at - nowMillis), decreases);
        }
    }

    /**
     * After waiting for {@code reservation}'s slot: how much longer to wait, because the pace
     * was lowered meanwhile (Cin7 refused a call) and the slot, reserved at the old pace, would
     * come too soon. Zero when the call may go now.
     */
    Duration recheck(Reservation reservation) {
        if (reservation.slot == null) {
            return Duration.ZERO;
        }
        long nowMillis = clock.millis();
        synchronized (this) {
            if (reservation.decreases == decreases) {
                return Duration.ZERO;
            }
            reservation.decreases = decreases;
            Slot slot = reservation.slot;
            slot.at = Long.MIN_VALUE; // out of the windows while its place is sought again
            long at = earliestSlot(nowMillis);
            slot.sentAt = at;
            slot.at = at + limits.countedWithin().toMillis();
            return Duration.ofMillis(at - nowMillis);
        }
    }

    /** The earliest send time, from {@code nowMillis} on, that fits both windows at the pace allowed now. */
    private long earliestSlot(long nowMillis) {
        long margin = limits.margin().toMillis();
        return Math.max(nowMillis, Math.max(
                earliestAllowed(perSecondNow(), 1_000 + margin),
                earliestAllowed(Math.max(1, (int) perMinuteNow), 60_000 + margin)));
    }

    /** Records that the call of {@code reservation} is being sent now, which may be later than reserved (a busy host). */
    void sending(Reservation reservation) {
        if (reservation.slot != null) {
            long now = clock.millis();
            synchronized (this) {
                Slot slot = reservation.slot;
                if (now > slot.sentAt) {
                    slot.at += now - slot.sentAt;
                    slot.sentAt = now;
                }
            }
        }
    }

    /**
     * Records that the call of {@code reservation} got its response now: Cin7 counted it by now,
     * so later calls are spaced from here, or from {@link RateLimits#countedWithin()} after the
     * send if that is sooner.
     */
    void completed(Reservation reservation) {
        if (reservation.slot != null) {
            long now = clock.millis();
            synchronized (this) {
                Slot slot = reservation.slot;
                slot.at = Math.max(slot.sentAt, Math.min(now, slot.sentAt + limits.countedWithin().toMillis()));
                if (perMinuteNow < limits.perMinute()) {
                    boolean nearTheRefusal = perMinuteNow >= 0.95 * paceAtRefusal && perMinuteNow <= 1.1 * paceAtRefusal;
                    double step = nearTheRefusal ? SLOW_INCREASE : FAST_INCREASE;
                    perMinuteNow = Math.min(limits.perMinute(), perMinuteNow + limits.perMinute() * step);
                    if (perMinuteNow >= limits.perMinute()) {
                        slowedMillis += now - slowedSince;
                        slowedSince = Long.MIN_VALUE;
                    }
                }
            }
        }
    }

    /** Cin7 refused a call (429) that the windows allowed: another app spends part of the limit. Slows the pace down. */
    void refused() {
        if (limits.isUnlimited()) {
            return;
        }
        long now = clock.millis();
        synchronized (this) {
            refusals++;
            if (lastDecrease != Long.MIN_VALUE && now - lastDecrease < 60_000) {
                return;
            }
            lastDecrease = now;
            int lastMinute = 0;
            for (int i = 0; i < count; i++) {
                lastMinute += recent[i].at > now - 60_000 ? 1 : 0;
            }
            // recover fast up to just under what Cin7 let through, then probe slowly
            paceAtRefusal = Math.min(perMinuteNow, lastMinute);
            // what the others leave is about what we sent in the last minute; but one refusal never more than halves the pace
            perMinuteNow = Math.max(1, Math.min(perMinuteNow, Math.max(lastMinute, perMinuteNow / 2)) * DECREASE);
            decreases++;
            if (slowedSince == Long.MIN_VALUE) {
                slowedSince = now;
            }
        }
    }

    /** The burst allowed per second, lowered in proportion while the pace is: other apps burst too. */
    private int perSecondNow() {
        return Math.max(1, (int) (limits.perSecond() * perMinuteNow / limits.perMinute()));
    }

    /** Calls per minute allowed now: the limit, or less while recovering from refusals. */
    public synchronized int perMinuteNow() {
        return limits.isUnlimited() ? 0 : Math.max(1, (int) perMinuteNow);
    }

    /** Refusals (429) Cin7 made that these windows did not foresee. */
    public synchronized long refusals() {
        return refusals;
    }

    /** How long the pace was below the limit, in all, up to now. */
    public synchronized Duration slowedTime() {
        long now = clock.millis();
        return Duration.ofMillis(slowedMillis + (slowedSince == Long.MIN_VALUE ? 0 : now - slowedSince));
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

        /** How many slow-downs there had been when the slot was last placed. */
        private long decreases;

        private Reservation(Slot slot, Duration waitTime, long decreases) {
            this.slot = slot;
            this.waitTime = waitTime;
            this.decreases = decreases;
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
