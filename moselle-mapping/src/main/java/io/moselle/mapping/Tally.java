package io.moselle.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts outcomes by {@link Reason}, keeping the first few source ids of each as examples.
 * Not thread-safe: one tally per stream.
 */
public final class Tally {
    /** How many example ids are kept per reason. */
    public static final int EXAMPLES = 5;

    private final EnumMap<Reason, Long> counts = new EnumMap<>(Reason.class);
    private final Map<Reason, List<String>> examples = new EnumMap<>(Reason.class);
    private long upserted;
    private long retracted;

    /** Counts one outcome: its action, its reason, its dropped lines and its notes. */
    public void add(Outcome<?> outcome) {
        switch (outcome.action()) {
            case UPSERT -> upserted++;
            case RETRACT -> retracted++;
            case SKIP -> { }
        }
        outcome.reason().ifPresent(r -> count(r, 1, outcome.sourceId()));
        outcome.droppedLines().forEach((r, n) -> count(r, n, outcome.sourceId()));
        outcome.notes().forEach(r -> count(r, 1, outcome.sourceId()));
    }

    /** Counts {@code n} occurrences of {@code reason} for {@code sourceId}. */
    public void count(Reason reason, long n, String sourceId) {
        counts.merge(reason, n, Long::sum);
        List<String> ids = examples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (ids.size() < EXAMPLES && !ids.contains(sourceId)) {
            ids.add(sourceId);
        }
    }

    /** Adds everything counted by {@code other}. */
    public void addAll(Tally other) {
        upserted += other.upserted;
        retracted += other.retracted;
        other.counts.forEach((r, n) -> counts.merge(r, n, Long::sum));
        other.examples.forEach((r, ids) -> ids.forEach(id -> {
            List<String> mine = examples.computeIfAbsent(r, k -> new ArrayList<>());
            if (mine.size() < EXAMPLES && !mine.contains(id)) {
                mine.add(id);
            }
        }));
    }

    public long upserted() {
        return upserted;
    }

    public long retracted() {
        return retracted;
    }

    /** How often each reason occurred. */
    public Map<Reason, Long> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    public long count(Reason reason) {
        return counts.getOrDefault(reason, 0L);
    }

    /** Up to {@link #EXAMPLES} source ids per reason, in the order met. */
    public Map<Reason, List<String>> examples() {
        Map<Reason, List<String>> copy = new EnumMap<>(Reason.class);
        examples.forEach((r, ids) -> copy.put(r, List.copyOf(ids)));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "Tally{upserted=" + upserted + ", retracted=" + retracted + ", " + counts + "}";
    }
}
