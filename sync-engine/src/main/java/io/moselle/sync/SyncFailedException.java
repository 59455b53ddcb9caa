package io.moselle.sync;

/** A run FAILED or was PARTIAL; {@link #report()} has the details. */
public class SyncFailedException extends SyncException {
    private static final long serialVersionUID = 1L;

    private final transient SyncReport report;

    public SyncFailedException(SyncReport report) {
        super("sync of tenant " + report.tenantId() + " " + report.status() + ": " + report.failureSummary());
        this.report = report;
    }

    public SyncReport report() {
        return report;
    }
}
