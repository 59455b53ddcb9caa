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
 * <p>Cin7 counts a call when it arrives, which is somewhere between the moment it was sent and
 * the moment its response came back. So each call is recorded at the latest time Cin7 may have
 * counted it: {@link RateLimits#countedWithin()} after it was sent while it is in flight, and the
 * time its response arrived, if sooner, once it has. The next calls are spaced from those times,
 * so neither latency that varies (a queue on a busy host) nor calls still in flight can make
 * Cin7 see too many calls in one window, while the seconds Cin7 spends answering a page do not
 * hold back the calls after it. Each call reserves the earliest instant at which it fits both
 * sliding windows, in arrival order, and waits outside the lock; when its wait is over, it goes
 * only if the calls sent by then leave it room, and waits again if not. A call that comes to its
 * slot late, on a busy host, so never crowds the calls that went while it was held up.
 *
 * <p>Cin7's limits are shared with every other app on the customer's account, so Cin7 may refuse
 * a call (429) that these windows allowed. The windows are then applied at an adaptive pace
 * ({@link AdaptivePace}): lowered after a refusal (the per-second burst in proportion; calls
 * already waiting for a slot are placed again at the lower pace), raised back call by call.
 * {@link #refusals()} and {@link #slowedTime()} say how often and how long. Thread-safe.
 */
public final class Cin7RateLimiter {
    private final RateLimits limits;
    private final CallBudget budget;
    private final Clock clock;
    /** The calls sent and in flight; guarded by this. */
    private final SlidingWindows windows;
    /** The pace the windows are applied at; guarded by this. */
    private final AdaptivePace pace;
    /** How long Cin7 takes to answer, as measured; guarded by this. */
    private final LatencyEstimate latency = new LatencyEstimate();

    private Cin7RateLimiter(RateLimits limits, CallBudget budget, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windows = new SlidingWindows(limits.isUnlimited() ? 0 : Math.max(limits.perSecond(), limits.perMinute()));
        this.pace = new AdaptivePace(limits);
    }

    /** A limiter with the given limits and budget, reading time from {@code clock}. */
    public static Cin7RateLimiter create(RateLimits limits, CallBudget budget, Clock clock) {
        return new Cin7RateLimiter(limits, budget, clock);
    }

    /** The limits the limiter paces at. */
    public RateLimits limits() {
        return limits;
    }

    /** The daily call budget the limiter spends. */
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
            long at = earliestSlot(nowMillis, false);
            SlidingWindows.Slot slot = new SlidingWindows.Slot(at, limits.countedWithin().toMillis());
            windows.add(slot);
            return new Reservation(slot, Duration.ofMillis(at - nowMillis));
        }
    }

    /**
     * When the wait for {@code reservation}'s slot is over, right before sending: zero when the
     * call may go now, and it is then taken as sent; else how much longer to wait. A slot is
     * checked again against the calls sent, not those reserved, at the pace allowed now: a call
     * that comes to its slot late (a busy host) may find its windows filled meanwhile by calls
     * reserved after it, and a refusal from Cin7 may have lowered the pace. So no call goes where
     * its windows are full, whatever order calls come to their slots in, and the first to come to
     * a free slot takes it.
     */
    Duration recheck(Reservation reservation) {
        if (reservation.slot == null) {
            return Duration.ZERO;
        }
        long nowMillis = clock.millis();
        synchronized (this) {
            SlidingWindows.Slot slot = reservation.slot;
            long at = earliestSlot(nowMillis, true);
            slot.sentAt = at;
            slot.at = at + limits.countedWithin().toMillis();
            slot.sent = at == nowMillis;
            return Duration.ofMillis(at - nowMillis);
        }
    }

    /**
     * The earliest send time, from {@code nowMillis} on, that fits both windows at the pace
     * allowed now, counting every call, or only those sent.
     */
    private long earliestSlot(long nowMillis, boolean sentOnly) {
        long margin = limits.margin().toMillis();
        return Math.max(nowMillis, Math.max(
                windows.earliestAllowed(pace.perSecond(), 1_000 + margin, sentOnly),
                windows.earliestAllowed(pace.perMinute(), 60_000 + margin, sentOnly)));
    }

    /** Records that the call of {@code reservation} is being sent now, which may be later than reserved (a busy host). */
    void sending(Reservation reservation) {
        if (reservation.slot != null) {
            long now = clock.millis();
            synchronized (this) {
                SlidingWindows.Slot slot = reservation.slot;
                slot.sent = true;
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
                SlidingWindows.Slot slot = reservation.slot;
                latency.measured(now - slot.sentAt);
                slot.at = Math.max(slot.sentAt, Math.min(now, slot.sentAt + limits.countedWithin().toMillis()));
                pace.answered(now);
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
            pace.refused(now, windows.countedAfter(now - 60_000));
        }
    }

    /**
     * How many requests of this connection to keep in flight so that its calls go out as fast as
     * the limits allow now, at the latency measured (Little's law: requests in flight = rate x
     * latency), with a little headroom for latency that varies. The rate is the per-second burst
     * while the minute's window has room, else the per-minute pace; before any answer came, the
     * burst. Unlimited limits have no rate to keep up with: {@link Integer#MAX_VALUE}.
     */
    public synchronized int requestsInFlightToKeepUp() {
        if (limits.isUnlimited()) {
            return Integer.MAX_VALUE;
        }
        long now = clock.millis();
        boolean minuteHasRoom = windows.countedAfter(now - 60_000) < pace.perMinute();
        double perSecond = minuteHasRoom ? pace.perSecond() : pace.perMinute() / 60.0;
        return latency.inFlightFor(perSecond).orElse(pace.perSecond());
    }

    /** Calls per minute allowed now: the limit, or less while recovering from refusals. */
    public synchronized int perMinuteNow() {
        return limits.isUnlimited() ? 0 : pace.perMinute();
    }

    /** Refusals (429) Cin7 made that these windows did not foresee. */
    public synchronized long refusals() {
        return pace.refusals();
    }

    /** How long the pace was below the limit, in all, up to now. */
    public synchronized Duration slowedTime() {
        return pace.slowedTime(clock.millis());
    }

    /** A reserved send slot and the wait before it. */
    static final class Reservation {
        private final SlidingWindows.Slot slot;
        private final Duration waitTime;

        private Reservation(SlidingWindows.Slot slot, Duration waitTime) {
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
