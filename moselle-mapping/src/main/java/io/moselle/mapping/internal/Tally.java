package io.moselle.mapping.internal;

import io.moselle.mapping.Outcome;
import io.moselle.mapping.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts outcomes by {@link Reason}, under what happened to the record ({@link Reason.Kind}:
 * retracted, skipped, a line dropped, or noted), keeping the first few source ids of each reason
 * as examples. The skipped records add up to the reasons counted as skipped. Not thread-safe:
 * one tally per stream.
 */
public final class Tally {
    /** How many example ids are kept per reason. */
    public static final int EXAMPLES = 5;

    private final Map<Reason.Kind, EnumMap<Reason, Long>> counts = new EnumMap<>(Reason.Kind.class);
    private final Map<Reason, List<String>> examples = new EnumMap<>(Reason.class);
    private long upserted;
    private long retracted;

    /** Counts one outcome: its action, its reason, its dropped lines and its notes. */
    public void add(Outcome<?> outcome) {
        switch (outcome.action()) {
            case UPSERT -> upserted++;
            case RETRACT -> {
                retracted++;
                outcome.reason().ifPresent(r -> count(Reason.Kind.RETRACTED, r, 1, outcome.sourceId()));
            }
            case SKIP -> outcome.reason().ifPresent(r -> skip(r, outcome.sourceId()));
        }
        outcome.droppedLines().forEach((r, n) -> count(Reason.Kind.DROPPED_LINE, r, n, outcome.sourceId()));
        outcome.notes().forEach(r -> count(Reason.Kind.NOTED, r, 1, outcome.sourceId()));
    }

    /** Counts a record skipped (not delivered at all) for {@code reason}. */
    public void skip(Reason reason, String sourceId) {
        count(Reason.Kind.SKIPPED, reason, 1, sourceId);
    }

    /** Counts {@code n} occurrences of {@code reason}, under its own kind, for {@code sourceId}. */
    public void count(Reason reason, long n, String sourceId) {
        count(reason.kind(), reason, n, sourceId);
    }

    private void count(Reason.Kind kind, Reason reason, long n, String sourceId) {
        counts.computeIfAbsent(kind, k -> new EnumMap<>(Reason.class)).merge(reason, n, Long::sum);
        List<String> ids = examples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (ids.size() < EXAMPLES && !ids.contains(sourceId)) {
            ids.add(sourceId);
        }
    }

    /** Adds everything counted by {@code other}. */
    public void addAll(Tally other) {
        upserted += other.upserted;
        retracted += other.retracted;
        other.counts.forEach((kind, reasons) -> reasons.forEach((r, n) ->
                counts.computeIfAbsent(kind, k -> new EnumMap<>(Reason.class)).merge(r, n, Long::sum)));
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

    /** Records skipped: the sum of the reasons counted as skipped. */
    public long skipped() {
        return counts(Reason.Kind.SKIPPED).values().stream().mapToLong(Long::longValue).sum();
    }

    /** How often each reason occurred, whatever happened to the records. */
    public Map<Reason, Long> counts() {
        Map<Reason, Long> all = new EnumMap<>(Reason.class);
        counts.values().forEach(reasons -> reasons.forEach((r, n) -> all.merge(r, n, Long::sum)));
        return Collections.unmodifiableMap(all);
    }

    /** How often each reason occurred for records (or lines) that were {@code kind}. */
    public Map<Reason, Long> counts(Reason.Kind kind) {
        return Collections.unmodifiableMap(new EnumMap<>(counts.getOrDefault(kind, new EnumMap<>(Reason.class))));
    }

    /** Every count, by what happened and then by reason. */
    public Map<Reason.Kind, Map<Reason, Long>> countsByKind() {
        Map<Reason.Kind, Map<Reason, Long>> all = new EnumMap<>(Reason.Kind.class);
        counts.forEach((kind, reasons) -> all.put(kind, Collections.unmodifiableMap(new EnumMap<>(reasons))));
        return Collections.unmodifiableMap(all);
    }

    /** How often {@code reason} occurred, whatever happened to the records. */
    public long count(Reason reason) {
        return counts().getOrDefault(reason, 0L);
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
