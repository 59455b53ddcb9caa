package io.moselle.sync;

import io.moselle.sync.internal.ReportJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * What a run did, per stream, and how it ended overall: SUCCEEDED when every stream did,
 * FAILED when every stream that ran failed, PARTIAL when some failed and others not, PAUSED
 * when the call budget ran out, CANCELLED when the host cancelled. A failure is never only
 * logged: check {@link #status()} or call {@link #throwIfFailed()}. Immutable.
 */
@Value.Immutable
@ReportStyle
public abstract class SyncReport {
    /** The tenant the run was of. */
    public abstract String tenantId();

    /** The API connection the run called Cin7 through: its API username, which is no secret. */
    public abstract String apiConnection();

    /** FIRST when a windowed stream read its initial history (it had never planned a window), DAILY, or RESYNC. */
    public abstract RunMode mode();

    /** The run's "now" on the engine's clock (window ends and {@code asOf}). */
    public abstract Instant startedAt();

    /** Wall time of the run. */
    public abstract Duration duration();

    /** The overall status. */
    public abstract SyncStatus status();

    /** One report per stream, in run order. */
    public abstract List<StreamReport> streams();

    /**
     * For a PAUSED run, when Cin7 or the budget allows calls again (from Cin7's
     * {@code Retry-After}, or the budget's reset), when known.
     */
    public abstract Optional<Instant> resumeAfter();

    /**
     * How long after the start the recent part was in: products, stock and the lookback period of
     * every windowed stream, all delivered, older history not yet; empty when a stream failed or
     * the run stopped before.
     */
    public abstract Optional<Duration> recentPartCompleteAfter();

    /**
     * How long the API connection's pace was lowered during the run, after refusals (429) that
     * its rate limiter did not foresee: other apps on the account share Cin7's limit.
     */
    public abstract Duration slowed();

    /** Requests Cin7 refused (429) although the rate limiter allowed them. */
    public long rateLimited() {
        return streams().stream().mapToLong(StreamReport::rateLimited).sum();
    }

    /** The report of {@code stream}; empty when the run did not reach it. */
    public Optional<StreamReport> stream(SyncStream stream) {
        return streams().stream().filter(s -> s.stream() == stream).findFirst();
    }

    /** The kinds of failure of the streams that FAILED. */
    public java.util.Set<FailureKind> failures() {
        return streams().stream().flatMap(s -> s.failureKind().stream())
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(FailureKind.class)));
    }

    /** Requests sent in the whole run. */
    public long apiCalls() {
        return streams().stream().mapToLong(StreamReport::apiCalls).sum();
    }

    /**
     * @throws SyncFailedException when the run FAILED or was PARTIAL, naming each failed stream and its error
     */
    public SyncReport throwIfFailed() {
        if (status() == SyncStatus.FAILED || status() == SyncStatus.PARTIAL) {
            throw new SyncFailedException(this);
        }
        return this;
    }

    /** The report as pretty-printed JSON (durations in milliseconds), as the examples write {@code sync-report.json}. */
    public String toJson() {
        return ReportJson.write(this);
    }

    /** A builder of reports, for a host's tests; the engine builds its own. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SyncReport} values, as the engine does; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableSyncReport.Builder {}

    String failureSummary() {
        return streams().stream().filter(s -> s.status() == SyncStatus.FAILED)
                .map(s -> s.stream() + ": " + s.error().orElse("failed"))
                .collect(Collectors.joining("; "));
    }
}
