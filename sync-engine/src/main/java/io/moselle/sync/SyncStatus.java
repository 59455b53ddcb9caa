package io.moselle.sync;

/** How a run, or one stream of it, ended. */
public enum SyncStatus {
    /** Everything was read and delivered. */
    SUCCEEDED,
    /** Some streams succeeded and others failed (run only). */
    PARTIAL,
    /** Nothing could be delivered: see the error. */
    FAILED,
    /** The day's call budget ran out; the next run resumes from the checkpoint. */
    PAUSED,
    /** Cancelled by the host; the next run resumes from the checkpoint. */
    CANCELLED,
    /** Not part of this run (stream only): disabled for the tenant, or stopped before it started. */
    SKIPPED
}
