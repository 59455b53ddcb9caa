package io.moselle.cin7.client;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: Cin7's rate limit was hit. Retried after {@link #retryAfter()} (or a backoff);
 * thrown once the attempts are spent.
 */
public class RateLimitException extends Cin7ApiException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public RateLimitException(String method, String path, int statusCode, String bodyExcerpt, Duration retryAfter) {
        super(method, path, statusCode, bodyExcerpt);
        this.retryAfter = retryAfter;
    }

    /** The wait Cin7 asked for in {@code Retry-After}, when it sent a readable one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
