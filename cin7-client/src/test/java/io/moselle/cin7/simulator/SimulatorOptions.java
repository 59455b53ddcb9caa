package io.moselle.cin7.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulator behaves: rate limits per credential (Cin7's are 3/s, 60/min, 5,000/day;
 * scale them up for fast tests or turn them off), seeded random faults, and how slow a slow
 * reply is. Immutable; {@code with...} returns a copy.
 */
public final class SimulatorOptions {
    private final int perSecond;
    private final int perMinute;
    private final int perDay;
    private final Map<FaultKind, Double> faultRates;
    private final long faultSeed;
    private final Duration slowReplyDelay;
    private final Clock clock;

    private SimulatorOptions(int perSecond, int perMinute, int perDay, Map<FaultKind, Double> faultRates, long faultSeed,
            Duration slowReplyDelay, Clock clock) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.faultRates = Map.copyOf(faultRates);
        this.faultSeed = faultSeed;
        this.slowReplyDelay = slowReplyDelay;
        this.clock = clock;
    }

    /** Cin7's limits (3/s, 60/min, 5,000/day), no faults. */
    public static SimulatorOptions cin7Limits() {
        return new SimulatorOptions(3, 60, 5_000, Map.of(), 1, Duration.ofSeconds(3), Clock.systemUTC());
    }

    /** No rate limits and no faults: for fast functional tests. */
    public static SimulatorOptions unlimited() {
        return cin7Limits().withRateLimits(0, 0, 0);
    }

    /** Limits per second, minute and day; 0 turns that limit off. */
    public SimulatorOptions withRateLimits(int perSecond, int perMinute, int perDay) {
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, faultSeed, slowReplyDelay, clock);
    }

    /** Injects {@code kind} into each reply with probability {@code rate}, drawn from {@code seed}. */
    public SimulatorOptions withFault(FaultKind kind, double rate) {
        Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
        rates.putAll(faultRates);
        rates.put(Objects.requireNonNull(kind), rate);
        return new SimulatorOptions(perSecond, perMinute, perDay, rates, faultSeed, slowReplyDelay, clock);
    }

    public SimulatorOptions withFaultSeed(long seed) {
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, seed, slowReplyDelay, clock);
    }

    public SimulatorOptions withSlowReplyDelay(Duration delay) {
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, faultSeed, delay, clock);
    }

    /** The clock the rate limits are counted on. */
    public SimulatorOptions withClock(Clock clock) {
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, faultSeed, slowReplyDelay, clock);
    }

    public int perSecond() {
        return perSecond;
    }

    public int perMinute() {
        return perMinute;
    }

    public int perDay() {
        return perDay;
    }

    public Map<FaultKind, Double> faultRates() {
        return faultRates;
    }

    public long faultSeed() {
        return faultSeed;
    }

    public Duration slowReplyDelay() {
        return slowReplyDelay;
    }

    public Clock clock() {
        return clock;
    }
}
