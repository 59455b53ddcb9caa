package io.moselle.cin7.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the simulator takes to answer a page: a base plus a cost per row returned, spread by
 * a seeded jitter. Real Cin7 Omni answers a page of 250 orders in seconds; the benchmarks scale
 * that down together with the rate limits. The same request, answered for the same time, always
 * takes the same time under one seed, whatever order requests arrive in.
 *
 * @param base the time of an empty page
 * @param perRow the time each row adds
 * @param jitter how far a reply strays from {@code base + perRow * rows}, as a fraction (0.2: ±20%)
 * @param seed the draws' seed
 */
public record Latency(Duration base, Duration perRow, double jitter, long seed) {
    /** Answers at once. */
    public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO, 0, 0);

    public Latency {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(perRow, "perRow");
        if (base.isNegative() || perRow.isNegative() || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("latency needs a base and a per-row time of zero or more, and a jitter in [0, 1)");
        }
    }

    /** A full page of 250 rows in about {@code fullPage}: a tenth of it as the base, the rest spread over the rows. */
    public static Latency perPage(Duration fullPage, double jitter, long seed) {
        return new Latency(fullPage.dividedBy(10), fullPage.minus(fullPage.dividedBy(10)).dividedBy(250), jitter, seed);
    }

    /** The time the {@code occurrence}-th answer to {@code request} takes, with {@code rows} rows. */
    public Duration of(String request, int occurrence, int rows) {
        Duration nominal = base.plus(perRow.multipliedBy(rows));
        if (jitter == 0 || nominal.isZero()) {
            return nominal;
        }
        double spread = 1 + jitter * (2 * Seeded.draw(seed, request, occurrence) - 1);
        return Duration.ofNanos(Math.round(nominal.toNanos() * spread));
    }
}
