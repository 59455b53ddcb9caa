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

/**
 * What one stream of a run did.
 *
 * @param stream the stream
 * @param status how it ended
 * @param windows the {@code modifiedDate} windows read (empty for snapshots)
 * @param apiCalls requests sent, retries included
 * @param pages pages read
 * @param fetched records read from Cin7
 * @param upserted records delivered as upserts
 * @param retracted keys delivered as retractions
 * @param reasons counted by what happened to the record (retracted, skipped, a line dropped, noted), then by reason: a
 *     stock row of a disabled warehouse is counted as skipped, an order of one as retracted
 * @param examples up to five source ids per reason
 * @param retries failed requests tried again
 * @param rateLimited requests Cin7 refused (429) although the rate limiter allowed them: other apps
 *     share the limit; each slows the API connection down for a while
 * @param throttled time spent waiting on the rate limiter
 * @param duration wall time of the stream
 * @param error why the stream FAILED, or why it was PAUSED or CANCELLED; null when it SUCCEEDED (never holds a secret)
 * @param failure what kind of failure, when the stream FAILED; else null
 */
public record StreamReport(SyncStream stream, SyncStatus status, List<Window> windows, long apiCalls, long pages, long fetched,
        long upserted, long retracted, Map<Reason.Kind, Map<Reason, Long>> reasons, Map<Reason, List<String>> examples,
        long retries, long rateLimited, Duration throttled, Duration duration, String error, FailureKind failure) {

    public StreamReport {
        windows = List.copyOf(windows);
        Map<Reason.Kind, Map<Reason, Long>> copy = new EnumMap<>(Reason.Kind.class);
        reasons.forEach((kind, counts) -> copy.put(kind, mostFrequentFirst(counts)));
        reasons = Collections.unmodifiableMap(copy);
        examples = Map.copyOf(examples);
    }

    /** How often {@code reason} occurred, whatever happened to the records. */
    public long count(Reason reason) {
        return reasons.values().stream().mapToLong(counts -> counts.getOrDefault(reason, 0L)).sum();
    }

    /** The reasons records (or lines) were {@code kind}, with their counts, most frequent first (ties in declared order). */
    public Map<Reason, Long> reasons(Reason.Kind kind) {
        return reasons.getOrDefault(kind, Map.of());
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

    public Optional<String> errorMessage() {
        return Optional.ofNullable(error);
    }

    /** What kind of failure, when the stream FAILED. */
    public Optional<FailureKind> failureKind() {
        return Optional.ofNullable(failure);
    }
}
