package io.moselle.cin7.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The number of calls still allowed today for one API connection (Cin7 allows 5,000 a day).
 * Every request takes one call from the budget before it is sent; when none is left the client
 * throws {@link CallBudgetExhaustedException} without sending anything.
 *
 * <p>A host that runs several processes, or wants the count to survive a restart, implements
 * this over its own store. Implementations must be thread-safe.
 */
public interface CallBudget {
    /** Takes one call from the budget of the day containing {@code now}; false when none is left. */
    boolean tryAcquire(Instant now);

    /** The calls left in the day containing {@code now} ({@link Long#MAX_VALUE} when unlimited). */
    long remaining(Instant now);

    /**
     * When the budget of the day containing {@code now} is renewed; empty when unknown. The UTC
     * budgets of this SDK reset at the next midnight UTC.
     */
    default Optional<Instant> nextReset(Instant now) {
        return Optional.empty();
    }

    /** The next midnight UTC after {@code now}: when a budget per UTC day resets. */
    static Instant nextUtcMidnight(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A budget that never runs out. */
    static CallBudget unlimited() {
        return UnlimitedCallBudget.INSTANCE;
    }

    /** An in-memory budget of {@code callsPerDay} that resets at midnight UTC. */
    static CallBudget perUtcDay(long callsPerDay) {
        return new DailyCallBudget(callsPerDay);
    }
}
