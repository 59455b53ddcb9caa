package io.moselle.cin7.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** In-memory {@link CallBudget} per UTC day. Cin7 does not say when its day resets; UTC midnight is our best guess. */
final class DailyCallBudget implements CallBudget {
    private final long callsPerDay;
    private LocalDate day;
    private long used;

    DailyCallBudget(long callsPerDay) {
        if (callsPerDay < 0) {
            throw new IllegalArgumentException("callBudget.callsPerDay must be zero or more, was " + callsPerDay);
        }
        this.callsPerDay = callsPerDay;
    }

    @Override
    public synchronized boolean tryAcquire(Instant now) {
        roll(now);
        if (used >= callsPerDay) {
            return false;
        }
        used++;
        return true;
    }

    @Override
    public synchronized long remaining(Instant now) {
        roll(now);
        return callsPerDay - used;
    }

    @Override
    public java.util.Optional<Instant> nextReset(Instant now) {
        return java.util.Optional.of(CallBudget.nextUtcMidnight(now));
    }

    private void roll(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }

    @Override
    public String toString() {
        return "CallBudget{" + callsPerDay + "/UTC day}";
    }
}
