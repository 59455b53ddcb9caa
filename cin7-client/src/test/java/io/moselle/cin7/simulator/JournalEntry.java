package io.moselle.cin7.simulator;

import java.util.Map;

/**
 * One request the simulator received.
 *
 * @param method the HTTP method
 * @param resource the resource path, e.g. {@code v1/SalesOrders} or {@code v1/SalesOrders/42}
 * @param query the decoded query parameters
 * @param status the status answered (0 for a dropped connection)
 * @param username the API username sent, or empty
 * @param fault the injected fault, or null
 * @param at when the request arrived, on the simulator's clock
 * @param latency how long the answer was held back ({@link Latency}; a slow-reply fault's delay)
 * @param userAgent the {@code User-Agent} sent, or empty
 * @param rows the records the answer listed (0 for an error, or an empty page)
 */
public record JournalEntry(String method, String resource, Map<String, String> query, int status, String username, FaultKind fault,
        java.time.Instant at, java.time.Duration latency, String userAgent, int rows) {
    /** A query parameter, or null. */
    public String param(String name) {
        return query.get(name);
    }
}
