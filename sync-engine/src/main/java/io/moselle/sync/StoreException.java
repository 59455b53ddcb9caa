package io.moselle.sync;

/**
 * A store of the engine failed: checkpoints, call budgets or leases could not be read or
 * written. The message names the store and says why; the run fails the streams it reached.
 */
public class StoreException extends SyncException {
    private static final long serialVersionUID = 1L;

    /** An exception naming the store and why it failed. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
