package io.moselle.sync;

import io.moselle.mapping.Reason;
import java.time.Duration;
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
 * @param reasons skips, retractions, dropped lines and notes, counted by reason
 * @param examples up to five source ids per reason
 * @param retries failed requests tried again
 * @param throttled time spent waiting on the rate limiter
 * @param duration wall time of the stream
 * @param error why the stream FAILED, or why it was PAUSED or CANCELLED; null when it SUCCEEDED (never holds a secret)
 * @param failure what kind of failure, when the stream FAILED; else null
 */
public record StreamReport(SyncStream stream, SyncStatus status, List<Window> windows, long apiCalls, long pages, long fetched,
        long upserted, long retracted, Map<Reason, Long> reasons, Map<Reason, List<String>> examples, long retries,
        Duration throttled, Duration duration, String error, FailureKind failure) {

    public StreamReport {
        windows = List.copyOf(windows);
        reasons = Map.copyOf(reasons);
        examples = Map.copyOf(examples);
    }

    /** How often {@code reason} occurred. */
    public long count(Reason reason) {
        return reasons.getOrDefault(reason, 0L);
    }

    /** Records skipped (not delivered at all), by any reason. */
    public long skipped() {
        return reasons.entrySet().stream().filter(e -> e.getKey().kind() == Reason.Kind.SKIPPED).mapToLong(Map.Entry::getValue).sum();
    }

    /** Lines dropped from delivered records. */
    public long droppedLines() {
        return reasons.entrySet().stream().filter(e -> e.getKey().kind() == Reason.Kind.DROPPED_LINE).mapToLong(Map.Entry::getValue).sum();
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(error);
    }

    /** What kind of failure, when the stream FAILED. */
    public Optional<FailureKind> failureKind() {
        return Optional.ofNullable(failure);
    }
}
