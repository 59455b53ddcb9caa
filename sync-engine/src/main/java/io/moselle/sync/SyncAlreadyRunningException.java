package io.moselle.sync;

/**
 * A run of this tenant is already under way, in this engine or, with a shared lease store, in
 * another process, which the message names; or another process is using the tenant's API
 * connection for a tenant that shares it. Wait for it, or cancel it where it runs.
 */
public class SyncAlreadyRunningException extends SyncException {
    private static final long serialVersionUID = 1L;

    /** An exception saying which tenant, and where its run is. */
    public SyncAlreadyRunningException(String message) {
        super(message);
    }
}
