package io.moselle.cin7.client;

import java.util.Arrays;

/**
 * The latest calls of one API connection, each at the latest time Cin7 may have counted it, and
 * the earliest time a next call fits a window. Keeps twice as many calls as the larger window
 * allows, since replies coming back in another order leave their times out of order. Not
 * thread-safe: its limiter guards it.
 */
final class SlidingWindows {
    /** One call's place in the windows. */
    static final class Slot {
        /** When the call is (or was) sent, epoch millis. */
        long sentAt;
        /** The latest Cin7 may have counted it, epoch millis: what later calls are spaced from. */
        long at;
        /** Whether the call was sent, or is being sent: until then its place is only reserved. */
        boolean sent;

        Slot(long sentAt, long countedWithin) {
            this.sentAt = sentAt;
            this.at = sentAt + countedWithin;
        }
    }

    private final Slot[] recent;
    private int count;
    private int next;

    SlidingWindows(int largestWindowLimit) {
        this.recent = new Slot[2 * largestWindowLimit];
    }

    /** Adds a call, replacing the oldest once full. */
    void add(Slot slot) {
        recent[next] = slot;
        next = (next + 1) % recent.length;
        count = Math.min(count + 1, recent.length);
    }

    /**
     * The earliest time at which a call keeps at most {@code limit} calls in any window of
     * {@code windowMillis}, counting every call, or only those sent.
     */
    long earliestAllowed(int limit, long windowMillis, boolean sentOnly) {
        long[] times = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (recent[i].sent || !sentOnly) {
                times[n++] = recent[i].at;
            }
        }
        if (n < limit) {
            return Long.MIN_VALUE;
        }
        Arrays.sort(times, 0, n);
        return times[n - limit] + windowMillis;
    }

    /** How many calls Cin7 may have counted after {@code since}, epoch millis. */
    int countedAfter(long since) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += recent[i].at > since ? 1 : 0;
        }
        return n;
    }
}
