package io.moselle.cin7.client;

import java.time.Duration;

/**
 * How fast the client may call Cin7: at most {@code perSecond} calls in any one second and
 * {@code perMinute} in any one minute (sliding windows). Cin7's published figures are 3/s and
 * 60/min. The limiter spaces calls from when each response arrived, which Cin7 cannot have
 * counted later than, so latency never makes Cin7 see too many calls; {@code margin} (default
 * 10 ms) widens each window a little more, for timer granularity. Immutable.
 */
public final class RateLimits {
    private static final RateLimits DEFAULTS = new RateLimits(3, 60, Duration.ofMillis(10));
    private static final RateLimits UNLIMITED = new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO);

    private final int perSecond;
    private final int perMinute;
    private final Duration margin;

    private RateLimits(int perSecond, int perMinute, Duration margin) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.margin = margin;
    }

    /** 3 calls per second and 60 per minute, Cin7's documented limits. */
    public static RateLimits defaults() {
        return DEFAULTS;
    }

    /** No pacing at all: for a simulator with limits off. */
    public static RateLimits unlimited() {
        return UNLIMITED;
    }

    /**
     * @throws IllegalArgumentException if a limit is below 1
     */
    public static RateLimits of(int perSecond, int perMinute) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rateLimits.perSecond must be at least 1, was " + perSecond);
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("rateLimits.perMinute must be at least 1, was " + perMinute);
        }
        return new RateLimits(perSecond, perMinute, DEFAULTS.margin);
    }

    /** The same limits with another safety margin added to each window. */
    public RateLimits withMargin(Duration margin) {
        if (margin == null || margin.isNegative()) {
            throw new IllegalArgumentException("rateLimits.margin must be zero or positive, was " + margin);
        }
        return new RateLimits(perSecond, perMinute, margin);
    }

    public int perSecond() {
        return perSecond;
    }

    public int perMinute() {
        return perMinute;
    }

    public Duration margin() {
        return margin;
    }

    boolean isUnlimited() {
        return perSecond == Integer.MAX_VALUE && perMinute == Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return isUnlimited() ? "RateLimits{unlimited}" : "RateLimits{" + perSecond + "/s, " + perMinute + "/min, margin " + margin.toMillis() + "ms}";
    }
}
