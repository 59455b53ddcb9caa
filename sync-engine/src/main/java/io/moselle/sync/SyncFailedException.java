package io.moselle.sync;

/** A run FAILED or was PARTIAL; {@link #report()} has the details. */
public class SyncFailedException extends SyncException {
    private static final long serialVersionUID = 1L;

    private final transient SyncReport report;

    /** The failure of the run {@code report} tells. */
    public SyncFailedException(SyncReport report) {
        super("sync of tenant " + report.tenantId() + " " + report.status() + ": " + report.failureSummary());
        this.report = report;
    }

    /** The report of the run that failed. */
    public SyncReport report() {
        return report;
    }
}
