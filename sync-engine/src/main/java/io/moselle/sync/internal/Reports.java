package io.moselle.sync.internal;

import io.moselle.sync.FailureKind;
import io.moselle.sync.RunMode;
import io.moselle.sync.StreamReport;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.SyncStream;
import io.moselle.sync.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reports the engine makes beyond one stream's. */
final class Reports {
    private Reports() {}

    /** A run that could not start: every stream asked for FAILED with {@code error}, the others SKIPPED. */
    static SyncReport notStarted(Tenant tenant, boolean resync, Instant now, java.util.Set<SyncStream> streams, String error,
            FailureKind failure) {
        List<StreamReport> reports = java.util.Arrays.stream(SyncStream.values()).map(s -> streams.contains(s)
                ? new StreamCounters(s).report(SyncStatus.FAILED, error, failure) : new StreamCounters(s).report(SyncStatus.SKIPPED)).toList();
        return SyncReport.builder().tenantId(tenant.id()).apiConnection(tenant.credentials().username()).mode(resync ? RunMode.RESYNC : RunMode.DAILY).startedAt(now)
                .duration(Duration.ZERO).status(overall(reports)).streams(reports).slowed(Duration.ZERO).build();
    }

    static SyncStatus overall(List<StreamReport> streams) {
        List<SyncStatus> ran = streams.stream().map(StreamReport::status).filter(s -> s != SyncStatus.SKIPPED).toList();
        if (ran.contains(SyncStatus.CANCELLED)) {
            return SyncStatus.CANCELLED;
        }
        boolean failed = ran.contains(SyncStatus.FAILED);
        boolean ok = ran.stream().anyMatch(s -> s == SyncStatus.SUCCEEDED || s == SyncStatus.PAUSED);
        if (failed) {
            return ok ? SyncStatus.PARTIAL : SyncStatus.FAILED;
        }
        return ran.contains(SyncStatus.PAUSED) ? SyncStatus.PAUSED : SyncStatus.SUCCEEDED;
    }
}
