package io.moselle.sync;

/**
 * A run of this tenant is already under way, in this engine or, with a shared lease store, in
 * another process, which the message names; or another process is using the tenant's API
 * connection for a tenant that shares it. Wait for it, or cancel it where it runs.
 */
public class SyncAlreadyRunningException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SyncAlreadyRunningException(String message) {
        super(message);
    }

    static SyncAlreadyRunningException here(String tenantId) {
        return new SyncAlreadyRunningException("a sync of tenant " + tenantId + " is already running");
    }

    static SyncAlreadyRunningException elsewhere(String tenantId, LeaseHeldException held) {
        String what = held.key().startsWith("connection:")
                ? "its API connection " + held.key().substring("connection:".length()) + " is in use by "
                : "it is already running in ";
        return new SyncAlreadyRunningException("a sync of tenant " + tenantId + " cannot start: " + what + held.holder());
    }
}
