package io.moselle.sync;

import io.moselle.sync.internal.ReportJson;
import io.moselle.sync.internal.StreamCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a run did, per stream, and how it ended overall: SUCCEEDED when every stream did,
 * FAILED when every stream that ran failed, PARTIAL when some failed and others not, PAUSED
 * when the call budget ran out, CANCELLED when the host cancelled. A failure is never only
 * logged: check {@link #status()} or call {@link #throwIfFailed()}. Immutable.
 *
 * @param tenantId the tenant
 * @param mode {@code first} when a windowed stream read its initial history (it had never
 *     planned a window), {@code daily}, or {@code resync}
 * @param startedAt the run's "now" on the engine's clock (window ends and {@code asOf})
 * @param duration wall time of the run
 * @param status the overall status
 * @param streams one report per stream, in run order
 * @param resumeAfter for a PAUSED run, when Cin7 or the budget allows calls again (from Cin7's
 *     {@code Retry-After}, or the budget's reset), when known; else null
 * @param recentPartComplete how long after the start the recent part was in: products, stock and
 *     the lookback period of every windowed stream, all delivered, older history not yet; null
 *     when a stream failed or the run stopped before
 * @param slowed how long the API connection's pace was lowered during the run, after refusals
 *     (429) that its rate limiter did not foresee: other apps on the account share Cin7's limit
 */
public record SyncReport(String tenantId, String mode, Instant startedAt, Duration duration, SyncStatus status,
        List<StreamReport> streams, Instant resumeAfter, Duration recentPartComplete, Duration slowed) {

    public SyncReport {
        streams = List.copyOf(streams);
    }

    /** How long after the start products, stock and every stream's lookback period were delivered, if they were. */
    public Optional<Duration> recentPartCompleteAfter() {
        return Optional.ofNullable(recentPartComplete);
    }

    /** Requests Cin7 refused (429) although the rate limiter allowed them. */
    public long rateLimited() {
        return streams.stream().mapToLong(StreamReport::rateLimited).sum();
    }

    /** For a PAUSED run, the earliest time the next run can get further, when known. */
    public Optional<Instant> resumeAfterTime() {
        return Optional.ofNullable(resumeAfter);
    }

    public Optional<StreamReport> stream(SyncStream stream) {
        return streams.stream().filter(s -> s.stream() == stream).findFirst();
    }

    /** The kinds of failure of the streams that FAILED. */
    public java.util.Set<FailureKind> failures() {
        return streams.stream().flatMap(s -> s.failureKind().stream())
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(FailureKind.class)));
    }

    /** Requests sent in the whole run. */
    public long apiCalls() {
        return streams.stream().mapToLong(StreamReport::apiCalls).sum();
    }

    /**
     * @throws SyncFailedException when the run FAILED or was PARTIAL, naming each failed stream and its error
     */
    public SyncReport throwIfFailed() {
        if (status == SyncStatus.FAILED || status == SyncStatus.PARTIAL) {
            throw new SyncFailedException(this);
        }
        return this;
    }

    /** The report as pretty-printed JSON (durations in milliseconds), as the examples write {@code sync-report.json}. */
    public String toJson() {
        return ReportJson.write(this);
    }

    String failureSummary() {
        return streams.stream().filter(s -> s.status() == SyncStatus.FAILED)
                .map(s -> s.stream() + ": " + s.errorMessage().orElse("failed"))
                .collect(Collectors.joining("; "));
    }
}
