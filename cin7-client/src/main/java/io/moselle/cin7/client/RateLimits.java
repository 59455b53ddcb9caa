package io.moselle.cin7.client;

import java.time.Duration;

/**
 * How fast the client may call Cin7: at most {@code perSecond} calls in any one second and
 * {@code perMinute} in any one minute (sliding windows). Cin7's published figures are 3/s and
 * 60/min.
 *
 * <p>Cin7 counts a call when the request reaches it, somewhere between the moment it was sent
 * and the moment its response came back. The limiter takes a call as counted when its response
 * arrived, or {@code countedWithin} (default 1 s) after it was sent if the response takes longer:
 * a request reaches Cin7 within a fraction of a second, and the seconds Cin7 takes over a page of
 * 250 records come after it counted the call. So a slow or delayed request never makes Cin7 see
 * too many calls in a window, and a page that takes seconds to answer does not hold back the
 * next calls for all that time. {@code margin} (default 10 ms) widens each window a little more,
 * for timer granularity. Immutable.
 */
public final class RateLimits {
    /** The longest {@link #withCountedWithin} allows. */
    public static final Duration MAX_COUNTED_WITHIN = Duration.ofSeconds(5);

    private static final RateLimits DEFAULTS = new RateLimits(3, 60, Duration.ofMillis(10), Duration.ofSeconds(1));
    private static final RateLimits UNLIMITED = new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO);

    private final int perSecond;
    private final int perMinute;
    private final Duration margin;
    private final Duration countedWithin;

    private RateLimits(int perSecond, int perMinute, Duration margin, Duration countedWithin) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.margin = margin;
        this.countedWithin = countedWithin;
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
        return new RateLimits(perSecond, perMinute, DEFAULTS.margin, DEFAULTS.countedWithin);
    }

    /** The same limits with another safety margin added to each window. */
    public RateLimits withMargin(Duration margin) {
        if (margin == null || margin.isNegative()) {
            throw new IllegalArgumentException("rateLimits.margin must be zero or positive, was " + margin);
        }
        return new RateLimits(perSecond, perMinute, margin, countedWithin);
    }

    /**
     * The same limits, taking a call as counted by Cin7 at the latest {@code countedWithin} after
     * it was sent (or when its response arrived, if sooner); at most {@link #MAX_COUNTED_WITHIN}.
     * Longer is safer on a congested network (a request that takes longer to reach Cin7 may be
     * refused, and then slows the connection down) and slower against a Cin7 that takes seconds
     * a page: a call in flight holds back the next ones for up to that long.
     */
    public RateLimits withCountedWithin(Duration countedWithin) {
        if (countedWithin == null || countedWithin.isNegative() || countedWithin.compareTo(MAX_COUNTED_WITHIN) > 0) {
            throw new IllegalArgumentException("rateLimits.countedWithin must be between 0 and " + MAX_COUNTED_WITHIN.toSeconds()
                    + " s, was " + countedWithin);
        }
        return new RateLimits(perSecond, perMinute, margin, countedWithin);
    }

    /** Calls allowed in any second. */
    public int perSecond() {
        return perSecond;
    }

    /** Calls allowed in any minute. */
    public int perMinute() {
        return perMinute;
    }

    /** How much wider than a second or a minute each window is kept, against timing jitter. */
    public Duration margin() {
        return margin;
    }

    /** How long after sending a call Cin7 may count it. */
    public Duration countedWithin() {
        return countedWithin;
    }

    boolean isUnlimited() {
        return perSecond == Integer.MAX_VALUE && perMinute == Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return isUnlimited() ? "RateLimits{unlimited}" : "RateLimits{" + perSecond + "/s, " + perMinute + "/min, margin " + margin.toMillis()
                + "ms, counted within " + countedWithin.toMillis() + "ms}";
    }
}
