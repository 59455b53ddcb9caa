package io.moselle.cin7.client;

import java.time.Duration;

/**
 * The per-minute pace a limiter allows now: its limit, lowered when Cin7 refuses a call that the
 * windows allowed (another app spends part of the limit), and raised back call by call.
 *
 * <p>Each refusal takes what the other apps leave to be the calls sent in the last minute, but at
 * least half the pace before (a refusal in a run's first seconds comes before a minute of calls),
 * and lowers the pace to 90% of that (multiplicative decrease; once a minute at most, since
 * refusals within a minute answer calls sent before). Every answered call then raises it
 * (additive increase): by 1/7200 of the limit near what was taken as left (from 95% to 110% of
 * it), so the pace settles just under what the other apps leave, probing upwards slowly; by
 * 1/300 below and above that, so a lone refusal costs little and the pace comes back to the full
 * limit soon after the other apps stop. Not thread-safe: its limiter guards it.
 */
final class AdaptivePace {
    /** The share of the last minute's calls kept after a refusal. */
    private static final double DECREASE = 0.9;
    /** The share of the limit won back per answered call away from the pace of the last refusal. */
    private static final double FAST_INCREASE = 1.0 / 300;
    /** The share of the limit won back per answered call near the pace of the last refusal: probing, slowly. */
    private static final double SLOW_INCREASE = 1.0 / 7_200;

    private final int perSecondLimit;
    private final int perMinuteLimit;
    /** The per-minute pace allowed now. */
    private double perMinute;
    /** What the other apps were taken to leave when Cin7 last refused a call: the last minute's calls, at least half the pace then. */
    private double paceAtRefusal;
    private long refusals;
    /** Epoch millis of the last slow-down: refusals within a minute of it answer calls sent before it, and are not counted again. */
    private long lastDecrease = Long.MIN_VALUE;
    /** Epoch millis since when the pace is below the limit, or {@link Long#MIN_VALUE}. */
    private long slowedSince = Long.MIN_VALUE;
    private long slowedMillis;

    AdaptivePace(RateLimits limits) {
        this.perSecondLimit = limits.perSecond();
        this.perMinuteLimit = limits.perMinute();
        this.perMinute = perMinuteLimit;
    }

    /** Calls per minute allowed now: the limit, or less while recovering from refusals. */
    int perMinute() {
        return Math.max(1, (int) perMinute);
    }

    /** The burst allowed per second, lowered in proportion while the pace is: other apps burst too. */
    int perSecond() {
        return Math.max(1, (int) (perSecondLimit * perMinute / perMinuteLimit));
    }

    /** A call was answered at {@code now}: the pace, if lowered, rises a step. */
    void answered(long now) {
        if (perMinute < perMinuteLimit) {
            boolean nearTheRefusal = perMinute >= 0.95 * paceAtRefusal && perMinute <= 1.1 * paceAtRefusal;
            perMinute = Math.min(perMinuteLimit, perMinute + perMinuteLimit * (nearTheRefusal ? SLOW_INCREASE : FAST_INCREASE));
            if (perMinute >= perMinuteLimit) {
                slowedMillis += now - slowedSince;
                slowedSince = Long.MIN_VALUE;
            }
        }
    }

    /**
     * Cin7 refused a call at {@code now}, when {@code lastMinuteCalls} calls had gone out in the
     * last minute: the pace drops, unless it dropped less than a minute ago.
     */
    void refused(long now, int lastMinuteCalls) {
        refusals++;
        if (lastDecrease != Long.MIN_VALUE && now - lastDecrease < 60_000) {
            return;
        }
        lastDecrease = now;
        // What the others leave is about what we sent in the last minute; but a refusal in the first
        // seconds of a run comes before a minute of calls says so, so it is never taken as less than half the pace.
        paceAtRefusal = Math.min(perMinute, Math.max(lastMinuteCalls, perMinute / 2));
        // keep a little under it, recover fast up to just under it, then probe slowly
        perMinute = Math.max(1, paceAtRefusal * DECREASE);
        if (slowedSince == Long.MIN_VALUE) {
            slowedSince = now;
        }
    }

    /** Refusals (429) Cin7 made that the windows did not foresee. */
    long refusals() {
        return refusals;
    }

    /** How long the pace was below the limit, in all, up to {@code now}. */
    Duration slowedTime(long now) {
        return Duration.ofMillis(slowedMillis + (slowedSince == Long.MIN_VALUE ? 0 : now - slowedSince));
    }
}
