package io.moselle.cin7.client;

import io.moselle.cin7.client.internal.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The retry layer: sends one logical GET through the pacing layer ({@link PacedTransport}),
 * reads the body, and tries again, with backoff, what is worth trying again. Thread-safe.
 */
final class RequestExecutor {
    private static final int EXCERPT_CHARS = 300;
    private static final String GET = "GET";

    private final URI baseUri;
    private final HttpTransport transport;
    private final PacedTransport paced;
    private final Credentials credentials;
    private final Map<String, String> headers;
    private final String userAgent;
    private final Runnable beforeEachRequest;
    private final Duration requestTimeout;
    private final Cin7RateLimiter limiter;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Cin7ClientListener listener;

    RequestExecutor(URI baseUri, HttpTransport transport, Credentials credentials, Duration requestTimeout,
            Cin7RateLimiter limiter, RetryPolicy retryPolicy, Clock clock, Sleeper sleeper, DoubleSupplier random,
            Cin7ClientListener listener, String userAgent, Runnable beforeEachRequest) {
        this.baseUri = baseUri;
        this.transport = transport;
        this.paced = new PacedTransport(transport, limiter, sleeper);
        this.credentials = credentials;
        this.userAgent = userAgent;
        this.beforeEachRequest = beforeEachRequest;
        this.headers = Map.of("Authorization", credentials.basicAuthorization(), "Accept", "application/json", "User-Agent", userAgent);
        this.requestTimeout = requestTimeout;
        this.limiter = limiter;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.listener = listener;
    }

    /** The same requests, reported to another listener. */
    RequestExecutor withListener(Cin7ClientListener other) {
        return new RequestExecutor(baseUri, transport, credentials, requestTimeout, limiter, retryPolicy, clock, sleeper, random, other,
                userAgent, beforeEachRequest);
    }

    URI baseUri() {
        return baseUri;
    }

    String username() {
        return credentials.username();
    }

    /** Reads a successful response body; throws IOException when the body is cut short. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * @param path the path and raw query relative to the base URI, for messages
     * @param encodedPath the same, URL-encoded, to send
     */
    <T> T get(String path, String encodedPath, BodyReader<T> reader) {
        HttpTransport.Request request = new HttpTransport.Request(GET, baseUri.resolve(encodedPath), headers, requestTimeout);
        for (int number = 1; ; number++) {
            Attempt attempt = new Attempt(path, number);
            Cin7Exception failure;
            String reason;
            Duration retryAfter = null;
            try (HttpTransport.Response response = paced.send(request, wait -> listener.throttled(GET, path, wait), attempt)) {
                int status = response.statusCode();
                listener.responseReceived(GET, path, number, status, attempt.elapsed());
                if (status >= 200 && status <= 299) {
                    try {
                        return reader.read(response.body());
                    } catch (IOException e) {
                        failure = new Cin7IoException(GET + " " + path + ": response body cut short: " + e.getMessage(), e);
                        reason = "body cut short";
                    }
                } else {
                    retryAfter = response.header("Retry-After").flatMap(h -> RetryAfter.parse(h, clock.instant())).orElse(null);
                    Cin7ApiException error = ApiErrors.forStatus(GET, path, status, excerpt(response.body()), retryAfter);
                    if (!ApiErrors.isRetryable(status) || waitsTooLong(retryAfter)) {
                        throw error; // a wait of hours means the day's calls are spent: the caller decides, nobody waits
                    }
                    if (status == 429) {
                        paced.refusedByCin7(); // the windows allowed it, so others share the limit: go slower
                    }
                    failure = error;
                    reason = "HTTP " + status;
                }
            } catch (HttpConnectTimeoutException e) {
                failure = new Cin7IoException(GET + " " + path + ": timed out connecting to " + hostAndPort(), e);
                reason = "connect timeout";
            } catch (HttpTimeoutException e) {
                failure = new Cin7IoException(GET + " " + path + ": timed out after " + requestTimeout.toMillis()
                        + " ms waiting for " + hostAndPort() + " to answer", e);
                reason = "timeout";
            } catch (ConnectException e) {
                // no host by that name, or nobody listening: a setting to fix, not a moment to wait for
                throw new Cin7IoException(GET + " " + path + ": " + (isUnknownHost(e) ? "unknown host " + baseUri.getHost()
                        : "connection refused by " + hostAndPort()), e);
            } catch (IOException e) {
                failure = new Cin7IoException(GET + " " + path + ": " + e, e);
                reason = "I/O error: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                throw interrupted(path, e);
            }
            if (failure instanceof Cin7IoException) {
                listener.requestFailed(GET, path, number, reason, attempt.elapsed());
            }
            if (number >= retryPolicy.maxAttempts()) {
                throw failure instanceof RateLimitException refused ? refused.afterAttempts(number) : failure;
            }
            Duration delay = retryAfter != null ? retryAfter : retryPolicy.backoff(number, random.getAsDouble());
            listener.retryScheduled(GET, path, number, reason, delay);
            sleep(delay, path);
        }
    }

    /** One try of a request: the caller's last word before it is sent, and the time it went out. */
    private final class Attempt implements Runnable {
        private final String path;
        private final int number;
        private Instant sentAt;

        Attempt(String path, int number) {
            this.path = path;
            this.number = number;
        }

        /** After pacing, which may have taken long: the caller's last word on sending, then the listener's. */
        @Override
        public void run() {
            beforeEachRequest.run();
            listener.requestSent(GET, path, number);
            sentAt = clock.instant();
        }

        Duration elapsed() {
            return Duration.between(sentAt, clock.instant());
        }
    }

    private void sleep(Duration duration, String path) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            throw interrupted(path, e);
        }
    }

    private static Cin7InterruptedException interrupted(String path, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Cin7InterruptedException(GET + " " + path + ": interrupted", e);
    }

    private String hostAndPort() {
        int port = baseUri.getPort() >= 0 ? baseUri.getPort() : "https".equalsIgnoreCase(baseUri.getScheme()) ? 443 : 80;
        return baseUri.getHost() + ":" + port;
    }

    private static boolean isUnknownHost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private boolean waitsTooLong(Duration retryAfter) {
        return retryAfter != null && retryAfter.compareTo(retryPolicy.maxRetryAfter()) > 0;
    }

    private static String excerpt(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(EXCERPT_CHARS * 4);
            String text = new String(bytes, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "...";
        } catch (IOException e) {
            return "";
        }
    }
}
