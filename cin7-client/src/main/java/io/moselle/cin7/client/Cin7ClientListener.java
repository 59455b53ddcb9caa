package io.moselle.cin7.client;

import java.time.Duration;

/**
 * Observes the client's traffic, for logs and metrics. Every method has a no-op default.
 * Called on the thread making the request; implementations must be fast, thread-safe and must
 * not throw. Paths never contain credentials.
 */
public interface Cin7ClientListener {
    /** A no-op listener. */
    Cin7ClientListener NONE = new Cin7ClientListener() {};

    /** A request is about to be sent ({@code attempt} starts at 1). */
    default void requestSent(String method, String path, int attempt) {}

    /** A response arrived to {@code attempt}; {@code elapsed} runs from sending to the status line. */
    default void responseReceived(String method, String path, int attempt, int statusCode, Duration elapsed) {}

    /**
     * No response came to {@code attempt}: a timeout or an I/O error, which {@code reason} names
     * (e.g. {@code timeout}); {@code elapsed} runs from sending to the failure.
     */
    default void requestFailed(String method, String path, int attempt, String reason, Duration elapsed) {}

    /** A failed attempt will be retried after {@code delay}; {@code reason} is e.g. {@code HTTP 503} or {@code timeout}. */
    default void retryScheduled(String method, String path, int attempt, String reason, Duration delay) {}

    /** The rate limiter holds a request back for {@code wait}. */
    default void throttled(String method, String path, Duration wait) {}
}
