package io.moselle.cin7.client;

import java.time.Duration;

/**
 * Which failed requests are tried again, and how long to wait in between. 429, 5xx, timeouts,
 * dropped connections and bodies cut short are retried; 400, 401, 403 and 404 never are.
 *
 * <p>The wait before retry {@code n} (1-based) is {@code initialDelay * 2^(n-1)}, capped at
 * {@code maxDelay}, then multiplied by a random factor in {@code [1 - jitter, 1]}. A response
 * with a readable {@code Retry-After} waits exactly that long, up to {@code maxRetryAfter}: a
 * 429 asking for longer (Cin7's day spent, perhaps by other apps on the account) is not retried
 * at all, and its {@link RateLimitException} carries the wait. Immutable.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.25, Duration.ofMinutes(2));

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter, Duration maxRetryAfter) {
        this.maxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** 5 attempts, 1 s doubling up to 30 s, 25% jitter, a Retry-After of up to 2 minutes waited for. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return DEFAULTS.withMaxAttempts(1);
    }

    /** This policy with another number of tries. */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retryPolicy.maxAttempts must be at least 1, was " + maxAttempts);
        }
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, jitter, maxRetryAfter);
    }

    /** This policy with other backoffs. */
    public RetryPolicy withDelays(Duration initialDelay, Duration maxDelay) {
        requirePositive("retryPolicy.initialDelay", initialDelay);
        requirePositive("retryPolicy.maxDelay", maxDelay);
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retryPolicy.maxDelay must not be below retryPolicy.initialDelay");
        }
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, jitter, maxRetryAfter);
    }

    /** This policy with another share of jitter. */
    public RetryPolicy withJitter(double jitter) {
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("retryPolicy.jitter must be between 0 and 1, was " + jitter);
        }
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, jitter, maxRetryAfter);
    }

    /** The longest {@code Retry-After} waited for; a 429 asking for longer is thrown at once. */
    public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
        requirePositive("retryPolicy.maxRetryAfter", maxRetryAfter);
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, jitter, maxRetryAfter);
    }

    /** Tries of one request, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The backoff after the first failure. */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** The longest backoff. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** How much of each backoff is random: it is multiplied by a factor in {@code [1 - jitter, 1]}. */
    public double jitter() {
        return jitter;
    }

    /** The longest {@code Retry-After} waited for; a longer one fails the request at once. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The wait before retry number {@code retry} (1-based), for a random draw {@code unit} in [0, 1). */
    Duration backoff(int retry, double unit) {
        double base = initialDelay.toMillis() * Math.pow(2, Math.min(retry - 1, 30));
        double capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(Math.round(capped * (1 - jitter * unit)));
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "}";
    }
}
