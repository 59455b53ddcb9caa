package io.moselle.cin7.client;

import java.util.OptionalInt;

/**
 * How long Cin7 takes to answer a call of one API connection: a moving average of the time from
 * sending a request to its status line that rises fast and falls slowly. A short page (the
 * branches, the end of a listing) answers faster than a full one; rising fast keeps the first
 * full pages from being underestimated, and an estimate a little high only keeps a request more
 * in flight, waiting for its slot. Not thread-safe: its limiter guards it.
 */
final class LatencyEstimate {
    /** The weight of a measure above the average: two such calls nearly reach it. */
    private static final double RISING = 0.5;
    /** The weight of a measure below the average: about the last eight calls count. */
    private static final double FALLING = 0.125;
    /** Requests in flight beyond the average's need, in proportion: answers vary around the average. */
    private static final double HEADROOM = 1.1;

    /** The average in milliseconds; negative until the first answer. */
    private double averageMillis = -1;

    /** A call was answered {@code millis} after it was sent. */
    void measured(long millis) {
        double m = Math.max(0, millis);
        averageMillis = averageMillis < 0 ? m : averageMillis + (m > averageMillis ? RISING : FALLING) * (m - averageMillis);
    }

    /**
     * Requests to keep in flight to send {@code perSecond} calls a second at this latency
     * (Little's law), plus one being prepared; empty before the first answer.
     */
    OptionalInt inFlightFor(double perSecond) {
        if (averageMillis < 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.ceil(perSecond * averageMillis / 1000.0 * HEADROOM) + 1);
    }
}
