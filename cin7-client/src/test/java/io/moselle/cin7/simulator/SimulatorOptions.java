package io.moselle.cin7.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulator behaves: rate limits per credential (Cin7's are 3/s, 60/min, 5,000/day;
 * scale them up for fast tests or turn them off), another app sharing them, seeded random
 * faults, how slow a slow reply is, and how long every page takes. Immutable; {@code with...} returns a copy.
 */
public final class SimulatorOptions {
    private final int perSecond;
    private final int perMinute;
    private final int perDay;
    private final Map<FaultKind, Double> faultRates;
    private final long faultSeed;
    private final Duration slowReplyDelay;
    private final Clock clock;
    private final Latency latency;
    private final int otherAppPerMinute;

    private SimulatorOptions(int perSecond, int perMinute, int perDay, Map<FaultKind, Double> faultRates, long faultSeed,
            Duration slowReplyDelay, Clock clock, Latency latency, int otherAppPerMinute) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.faultRates = Map.copyOf(faultRates);
        this.faultSeed = faultSeed;
        this.slowReplyDelay = slowReplyDelay;
        this.clock = clock;
        this.latency = Objects.requireNonNull(latency, "latency");
        this.otherAppPerMinute = otherAppPerMinute;
    }

    /** Cin7's limits (3/s, 60/min, 5,000/day), no faults. */
    public static SimulatorOptions cin7Limits() {
        return new SimulatorOptions(3, 60, 5_000, Map.of(), 1, Duration.ofSeconds(3), Clock.systemUTC(), Latency.NONE, 0);
    }

    /** No rate limits and no faults: for fast functional tests. */
    public static SimulatorOptions unlimited() {
        return cin7Limits().withRateLimits(0, 0, 0);
    }

    /** Limits per second, minute and day; 0 turns that limit off. */
    public SimulatorOptions withRateLimits(int perSecond, int perMinute, int perDay) {
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, faultSeed, slowReplyDelay, clock, latency, otherAppPerMinute);
    }

    /** Injects {@code kind} into each reply with probability {@code rate}, drawn from {@code seed}. */
    public SimulatorOptions withFault(FaultKind kind, double rate) {
        Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
        rates.putAll(faultRates);
        rates.put(Objects.requireNonNull(kind), rate);
        return new SimulatorOptions(perSecond, perMinute, perDay, rates, faultSeed, slowReplyDelay, clock, latency, otherAppPerMinute);
    }

    public SimulatorOptions withFaultSeed(long seed) {
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, seed, slowReplyDelay, clock, latency, otherAppPerMinute);
    }

    public SimulatorOptions withSlowReplyDelay(Duration delay) {
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, faultSeed, delay, clock, latency, otherAppPerMinute);
    }

    /** The clock the rate limits are counted on. */
    public SimulatorOptions withClock(Clock clock) {
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, faultSeed, slowReplyDelay, clock, latency, otherAppPerMinute);
    }

    /** How long each page takes to answer. */
    public SimulatorOptions withLatency(Latency latency) {
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, faultSeed, slowReplyDelay, clock, latency, otherAppPerMinute);
    }

    /**
     * Another app on every account spends {@code calls} of each minute's limit, evenly spread:
     * Cin7 counts them with ours, so ours are refused sooner than our own limiter predicts.
     */
    public SimulatorOptions withOtherAppCallsPerMinute(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be zero or more");
        }
        return new SimulatorOptions(perSecond, perMinute, perDay, faultRates, faultSeed, slowReplyDelay, clock, latency, calls);
    }

    public Latency latency() {
        return latency;
    }

    public int otherAppCallsPerMinute() {
        return otherAppPerMinute;
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
