package io.moselle.sync;

/** Ends a stream early: PAUSED (budget), CANCELLED, or FAILED when the run lost its lease. */
final class StreamStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SyncStatus status;

    StreamStopped(SyncStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static StreamStopped cancelled() {
        return new StreamStopped(SyncStatus.CANCELLED, "cancelled");
    }

    SyncStatus status() {
        return status;
    }
}
