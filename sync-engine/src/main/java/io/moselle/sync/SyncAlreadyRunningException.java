package io.moselle.sync;

/** A run of this tenant is already under way in this engine; wait for it or cancel it. */
public class SyncAlreadyRunningException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SyncAlreadyRunningException(String tenantId) {
        super("a sync of tenant " + tenantId + " is already running");
    }
}
