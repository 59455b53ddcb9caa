package io.moselle.sync;

/** Why a stream failed, for a host (or the command line) to act on; the stream's error says more. */
public enum FailureKind {
    /** Cin7 refused the credentials (HTTP 401): check the API username (Account ID) and key. */
    CREDENTIALS_REFUSED,
    /** The API connection may not read this resource (HTTP 403): give it read permission in Cin7. */
    PERMISSION_DENIED,
    /** Cin7 could not be reached: unknown host, connection refused, timeouts or dropped connections past the retries. */
    CIN7_UNREACHABLE,
    /** Cin7 answered with an error, or with a body this SDK cannot read. */
    CIN7_ERROR,
    /** The sink threw. */
    SINK,
    /** A store of the engine (checkpoints, call budget, leases) failed. */
    STORE,
    /** The run lost its lease on the tenant to another holder. */
    LEASE_LOST,
    /** Another replica holds the lease this work needs (the API connection of a connection check): try again later. */
    LEASE_HELD,
    /** Anything else. */
    OTHER
}
