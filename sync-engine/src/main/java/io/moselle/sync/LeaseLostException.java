package io.moselle.sync;

/**
 * A checkpoint was not saved because the run no longer holds its lease on the tenant: another
 * holder took the tenant over (this process was frozen or cut off for longer than the lease's
 * duration). The run stops; the checkpoint is the new holder's to move.
 */
public class LeaseLostException extends SyncException {
    private static final long serialVersionUID = 1L;

    /** An exception saying which lease was lost and what was not written. */
    public LeaseLostException(String message) {
        super(message);
    }
}
