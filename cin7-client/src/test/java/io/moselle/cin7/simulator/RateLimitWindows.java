package io.moselle.cin7.simulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;

/** Cin7's limits for one credential, as sliding windows of accepted calls plus a UTC-day count. */
final class RateLimitWindows {
    private final SimulatorOptions options;
    private final ArrayDeque<Long> lastMinute = new ArrayDeque<>();
    private LocalDate day;
    private int today;
    /** When the other app on the account makes its next call (epoch millis); its calls are spread evenly over each minute. */
    private long otherAppNext = Long.MIN_VALUE;

    RateLimitWindows(SimulatorOptions options) {
        this.options = options;
    }

    /**
     * Counts a call now; returns 0 when accepted, else the seconds to wait. The clock is read
     * under the lock, so that calls arriving at once are counted in time order.
     */
    synchronized long tryAcquire(java.time.Clock clock) {
        long nowMillis = clock.millis();
        LocalDate date = roll(nowMillis);
        countOtherAppCallsUpTo(nowMillis);
        if (options.perDay() > 0 && today >= options.perDay()) {
            long midnight = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            return Math.max(1, (midnight - nowMillis + 999) / 1000);
        }
        while (!lastMinute.isEmpty() && lastMinute.peekFirst() <= nowMillis - 60_000) {
            lastMinute.pollFirst();
        }
        long wait = 0;
        if (options.perMinute() > 0 && lastMinute.size() >= options.perMinute()) {
            wait = nthNewest(options.perMinute()) + 60_000 - nowMillis;
        }
        if (options.perSecond() > 0 && countSince(nowMillis - 1_000) >= options.perSecond()) {
            wait = Math.max(wait, nthNewest(options.perSecond()) + 1_000 - nowMillis);
        }
        if (wait > 0) {
            return Math.max(1, (wait + 999) / 1000);
        }
        lastMinute.addLast(nowMillis);
        today++;
        return 0;
    }

    /**
     * The other app's calls up to now, at their own times: Cin7 counted them as they came, and
     * ours are judged against the sum. They come before any of ours that follows, so the window
     * stays in time order.
     */
    private void countOtherAppCallsUpTo(long nowMillis) {
        int perMinute = options.otherAppCallsPerMinute();
        if (perMinute == 0) {
            return;
        }
        long interval = 60_000L / perMinute;
        if (otherAppNext == Long.MIN_VALUE) {
            otherAppNext = nowMillis;
        }
        for (; otherAppNext <= nowMillis; otherAppNext += interval) {
            lastMinute.addLast(otherAppNext);
            today++;
        }
    }

    /** Counts {@code calls} made earlier today by other apps on the account. */
    synchronized void spentByOthers(long nowMillis, int calls) {
        roll(nowMillis);
        today += calls;
    }

    private LocalDate roll(long nowMillis) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(nowMillis, 86_400_000L));
        if (!date.equals(day)) {
            day = date;
            today = 0;
        }
        return date;
    }

    private int countSince(long fromExclusive) {
        int n = 0;
        var it = lastMinute.descendingIterator();
        while (it.hasNext() && it.next() > fromExclusive) {
            n++;
        }
        return n;
    }

    private long nthNewest(int n) {
        var it = lastMinute.descendingIterator();
        long value = 0;
        for (int i = 0; i < n && it.hasNext(); i++) {
            value = it.next();
        }
        return value;
    }
}
