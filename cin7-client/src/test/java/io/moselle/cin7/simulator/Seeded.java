package io.moselle.cin7.simulator;

import java.util.SplittableRandom;

/**
 * Random draws that depend only on a seed and on the event drawn for, never on the order events
 * happen in: the same seed replays the same draws even when threads interleave differently.
 */
public final class Seeded {
    private Seeded() {}

    /** A number in [0, 1) for the {@code occurrence}-th time {@code event} happens under {@code seed}. */
    public static double draw(long seed, String event, int occurrence) {
        return new SplittableRandom((seed * 1_000_003L + event.hashCode()) * 1_000_003L + occurrence).nextDouble();
    }
}
