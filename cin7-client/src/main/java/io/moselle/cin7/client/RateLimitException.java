package io.moselle.cin7.client;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: Cin7's rate limit was hit. Retried after {@link #retryAfter()} (or a backoff), and
 * thrown once the attempts are spent; thrown at once when Cin7 asks to wait longer than the
 * retry policy's {@code maxRetryAfter} (the day's calls spent).
 */
public class RateLimitException extends Cin7ApiException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;
    private final int attempts;

    /** Cin7 refused {@code method} {@code path} with 429, asking to wait {@code retryAfter} (null when it did not say). */
    public RateLimitException(String method, String path, int statusCode, String bodyExcerpt, Duration retryAfter) {
        this(method, path, statusCode, bodyExcerpt, retryAfter, 1);
    }

    private RateLimitException(String method, String path, int statusCode, String bodyExcerpt, Duration retryAfter, int attempts) {
        super(method, path, statusCode, bodyExcerpt);
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /** The same refusal, after {@code attempts} attempts that all got it. */
    RateLimitException afterAttempts(int attempts) {
        return new RateLimitException(method(), path(), statusCode(), bodyExcerpt(), retryAfter, attempts);
    }

    /**
     * How many attempts got a 429 in a row before this was thrown: 1 when Cin7 asked to wait
     * longer than the retry policy waits for, the policy's attempts when retries did not get past.
     */
    public int attempts() {
        return attempts;
    }

    /** The wait Cin7 asked for in {@code Retry-After}, when it sent a readable one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
