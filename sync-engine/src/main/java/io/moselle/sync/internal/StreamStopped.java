package io.moselle.sync.internal;

import io.moselle.sync.FailureKind;
import io.moselle.sync.SyncStatus;

/** Ends a stream early: PAUSED (Cin7's limit or the budget), CANCELLED, or FAILED when the run lost its lease. */
public final class StreamStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SyncStatus status;
    private final FailureKind failure;

    StreamStopped(SyncStatus status, String message) {
        this(status, message, null);
    }

    StreamStopped(SyncStatus status, String message, FailureKind failure) {
        super(message, null, false, false);
        this.status = status;
        this.failure = failure;
    }

    SyncStatus status() {
        return status;
    }

    /** What kind of failure, when FAILED. */
    FailureKind failure() {
        return failure;
    }
}
