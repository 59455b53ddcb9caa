package io.moselle.sync;

import io.moselle.mapping.Reason;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** What one stream of a run did. Immutable. */
@Value.Immutable
@ReportStyle
public abstract class StreamReport {
    /** The stream reported on. */
    public abstract SyncStream stream();

    /** How the stream ended. */
    public abstract SyncStatus status();

    /** The {@code modifiedDate} windows read (empty for snapshots). */
    public abstract List<Window> windows();

    /** Requests sent, retries included. */
    public abstract long apiCalls();

    /** Pages read. */
    public abstract long pages();

    /** Records read from Cin7. */
    public abstract long fetched();

    /** Records delivered as upserts. */
    public abstract long upserted();

    /** Keys delivered as retractions. */
    public abstract long retracted();

    /**
     * Counted by what happened to the record (retracted, skipped, a line dropped, noted), then by
     * reason, most frequent first (ties in declared order): a stock row of a disabled warehouse is
     * counted as skipped, an order of one as retracted.
     */
    public abstract Map<Reason.Kind, Map<Reason, Long>> reasons();

    /** Up to five source ids per reason. */
    public abstract Map<Reason, List<String>> examples();

    /** Failed requests tried again. */
    public abstract long retries();

    /**
     * Requests Cin7 refused (429) although the rate limiter allowed them: other apps share the
     * limit; each slows the API connection down for a while.
     */
    public abstract long rateLimited();

    /** Time spent waiting on the rate limiter. */
    public abstract Duration throttled();

    /** Wall time of the stream. */
    public abstract Duration duration();

    /** Why the stream FAILED, or why it was PAUSED or CANCELLED; empty when it SUCCEEDED. Never holds a secret. */
    public abstract Optional<String> error();

    /** What kind of failure, when the stream FAILED. */
    public abstract Optional<FailureKind> failureKind();

    /** The reasons in the order they are reported: most frequent first within each kind. */
    @Value.Check
    protected StreamReport ordered() {
        Map<Reason.Kind, Map<Reason, Long>> copy = new EnumMap<>(Reason.Kind.class);
        reasons().forEach((kind, counts) -> copy.put(kind, mostFrequentFirst(counts)));
        if (copy.equals(reasons()) && reasons().values().stream().allMatch(StreamReport::isOrdered)) {
            return this;
        }
        return builder().from(this).reasons(copy).build();
    }

    private static boolean isOrdered(Map<Reason, Long> counts) {
        return List.copyOf(counts.keySet()).equals(List.copyOf(mostFrequentFirst(counts).keySet()));
    }

    /** A builder of reports, for a host's tests; the engine builds its own. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link StreamReport} values, as the engine does; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableStreamReport.Builder {}

    /** How often {@code reason} occurred, whatever happened to the records. */
    public long count(Reason reason) {
        return reasons().values().stream().mapToLong(counts -> counts.getOrDefault(reason, 0L)).sum();
    }

    /** The reasons records (or lines) were {@code kind}, with their counts, most frequent first (ties in declared order). */
    public Map<Reason, Long> reasons(Reason.Kind kind) {
        return reasons().getOrDefault(kind, Map.of());
    }

    /** Records skipped (not delivered at all): the sum of {@code reasons(SKIPPED)}. */
    public long skipped() {
        return total(Reason.Kind.SKIPPED);
    }

    /** Lines dropped from delivered records: the sum of {@code reasons(DROPPED_LINE)}. */
    public long droppedLines() {
        return total(Reason.Kind.DROPPED_LINE);
    }

    private long total(Reason.Kind kind) {
        return reasons(kind).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Reason, Long> mostFrequentFirst(Map<Reason, Long> counts) {
        Map<Reason, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<Reason, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(ordered);
    }
}
