package io.moselle.sync.internal;

import io.moselle.sync.Cin7Request;
import io.moselle.sync.RunMode;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.SyncStream;
import io.moselle.sync.spi.SyncListener;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.Locale;

/**
 * The engine's own log, on {@link System.Logger} (which the host's logging picks up through its
 * bridge), one logger per area. Every line names the tenant, and the stream where there is one;
 * none holds a secret (paths and errors never do).
 *
 * <ul>
 *   <li>{@code io.moselle.sync.run}: INFO a run's start and end (mode, status, calls, records,
 *       duration, whether the recent part is in); WARN a stream that failed or paused, with why.</li>
 *   <li>{@code io.moselle.sync.request}: DEBUG one line per request (resource and page, status,
 *       latency, attempt); WARN a refusal (429) the rate limiter did not foresee.</li>
 *   <li>{@code io.moselle.sync.lease}: WARN a lease lost or not given back.</li>
 * </ul>
 */
final class RunLog implements SyncListener {
    static final String RUN = "io.moselle.sync.run";
    static final String REQUEST = "io.moselle.sync.request";
    static final String LEASE = "io.moselle.sync.lease";

    private static final Logger RUNS = System.getLogger(RUN);
    private static final Logger REQUESTS = System.getLogger(REQUEST);

    @Override
    public void runStarted(String tenantId, RunMode mode) {
        RUNS.log(Level.INFO, () -> "tenant " + tenantId + ": " + mode.name().toLowerCase(Locale.ROOT) + " run started");
    }

    @Override
    public void requestCompleted(String tenantId, SyncStream stream, Cin7Request request) {
        if (request.status().orElse(0) == 429) {
            REQUESTS.log(Level.WARNING, () -> "tenant " + tenantId + " " + stream + ": Cin7 refused " + request.path()
                    + " (429) although the rate limiter allowed it: other apps share the connection's limit; pacing slows down");
        }
        REQUESTS.log(Level.DEBUG, () -> "tenant " + tenantId + " " + stream + ": GET " + request.path() + " -> "
                + (request.status().isPresent() ? Integer.toString(request.status().getAsInt()) : "no response") + " in "
                + request.latency().toMillis() + " ms (attempt " + request.attempt() + ")");
    }

    @Override
    public void streamFinished(String tenantId, StreamReport report) {
        if (report.status() == SyncStatus.FAILED || report.status() == SyncStatus.PAUSED) {
            RUNS.log(Level.WARNING, () -> "tenant " + tenantId + " " + report.stream() + ": " + report.status()
                    + report.failureKind().map(kind -> " (" + kind + ")").orElse("") + ": " + report.error().orElse("no reason given"));
        }
    }

    @Override
    public void runFinished(SyncReport report) {
        long upserted = report.streams().stream().mapToLong(StreamReport::upserted).sum();
        long retracted = report.streams().stream().mapToLong(StreamReport::retracted).sum();
        RUNS.log(report.status() == SyncStatus.SUCCEEDED ? Level.INFO : Level.WARNING, () -> String.format(Locale.ROOT,
                "tenant %s: %s run ended %s in %s: %d calls, %d upserted, %d retracted, recent part %s%s", report.tenantId(),
                report.mode().name().toLowerCase(Locale.ROOT), report.status(), seconds(report.duration()), report.apiCalls(), upserted,
                retracted, report.recentPartCompleteAfter().map(d -> "in after " + seconds(d)).orElse("not in"),
                report.resumeAfter().map(t -> "; resume after " + t).orElse("")));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
