package io.moselle.sync.internal;

import io.moselle.cin7.client.AuthenticationException;
import io.moselle.cin7.client.Cin7Exception;
import io.moselle.cin7.client.Cin7IoException;
import io.moselle.cin7.client.PermissionDeniedException;
import io.moselle.sync.FailureKind;
import io.moselle.sync.LeaseLostException;
import io.moselle.sync.StoreException;

/** What kind of failure an exception of a stream is. */
public final class Failures {
    private Failures() {}

    /** A stream cannot map branches because the branch list failed: it fails the way the branch list did. */
    static final class WarehousesUnavailable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        private final transient FailureKind cause;

        WarehousesUnavailable(String message, FailureKind cause) {
            super(message);
            this.cause = cause;
        }
    }

    static FailureKind kindOf(RuntimeException e) {
        if (e instanceof WarehousesUnavailable w && w.cause != null) {
            return w.cause;
        }
        if (e instanceof AuthenticationException) {
            return FailureKind.CREDENTIALS_REFUSED;
        }
        if (e instanceof PermissionDeniedException) {
            return FailureKind.PERMISSION_DENIED;
        }
        if (e instanceof Cin7IoException) {
            return FailureKind.CIN7_UNREACHABLE;
        }
        if (e instanceof Cin7Exception) {
            return FailureKind.CIN7_ERROR;
        }
        if (e instanceof SinkFailedException) {
            return FailureKind.SINK;
        }
        if (e instanceof LeaseLostException) {
            return FailureKind.LEASE_LOST;
        }
        if (e instanceof StoreException) {
            return FailureKind.STORE;
        }
        return FailureKind.OTHER;
    }
}
