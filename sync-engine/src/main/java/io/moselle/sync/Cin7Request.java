package io.moselle.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One request a run sent to Cin7, as {@link io.moselle.sync.spi.SyncListener#requestCompleted}
 * tells it.
 *
 * @param path the resource, page and query, e.g. {@code v1/SalesOrders?page=2&rows=250}; never a secret
 * @param attempt 1 for the first try of a request, then one more per retry
 * @param status the HTTP status of the response; empty when none came (a timeout, an I/O error)
 * @param latency from sending to the status line, or to the failure
 */
public record Cin7Request(String path, int attempt, OptionalInt status, Duration latency) {
    /** A request's outcome; every component is required. */
    public Cin7Request {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(latency, "latency");
    }
}
