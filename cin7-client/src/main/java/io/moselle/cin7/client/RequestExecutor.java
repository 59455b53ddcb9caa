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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * The retry layer: sends one logical GET through the pacing layer ({@link PacedTransport}),
 * reads the body, and tries again, with backoff, what is worth trying again. No thread is held
 * while a request waits for its slot, for Cin7's answer or for its next try; the blocking
 * {@link #get} runs the same steps on the calling thread. Thread-safe.
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
     * Sends a GET and reads its body, trying again what is worth it; blocks until done.
     *
     * @param path the path and raw query relative to the base URI, for messages
     * @param encodedPath the same, URL-encoded, to send
     */
    <T> T get(String path, String encodedPath, BodyReader<T> reader) {
        CallerLoop loop = new CallerLoop();
        try {
            return loop.await(getAsync(path, encodedPath, reader, loop));
        } catch (InterruptedException e) {
            throw interrupted(path, e);
        }
    }

    /**
     * The same without holding a thread while the request waits for its slot, for Cin7's answer
     * or for a retry: the body is read, and the future completed, on {@code executor}.
     */
    <T> CompletableFuture<T> getAsync(String path, String encodedPath, BodyReader<T> reader, Executor executor) {
        HttpTransport.Request request = new HttpTransport.Request(GET, baseUri.resolve(encodedPath), headers, requestTimeout);
        Call<T> call = new Call<>(request, path, reader, executor);
        call.attempt(1);
        return call.result;
    }

    /** One logical GET: its tries, one after the other, until one gives a result. */
    private final class Call<T> {
        private final HttpTransport.Request request;
        private final String path;
        private final BodyReader<T> reader;
        private final Executor executor;
        /** What the call gave, once a try gave it; done early when the caller abandons the call. */
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Call(HttpTransport.Request request, String path, BodyReader<T> reader, Executor executor) {
            this.request = request;
            this.path = path;
            this.reader = reader;
            this.executor = executor;
        }

        void attempt(int number) {
            Attempt attempt = new Attempt(path, number);
            CompletableFuture<HttpTransport.Response> sent;
            try {
                sent = paced.send(request, wait -> listener.throttled(GET, path, wait), attempt, executor);
            } catch (RuntimeException e) {
                result.completeExceptionally(e); // the day's budget is spent: nothing was sent
                return;
            }
            sent.whenComplete((response, failure) -> {
                attempt.answered();
                if (response != null && result.isDone()) {
                    closeQuietly(response); // the call was abandoned: nobody reads this body
                }
            }).handleAsync((response, failure) -> {
                if (!result.isDone()) {
                    answered(attempt, response, failure == null ? null : Futures.cause(failure));
                }
                return null;
            }, executor);
        }

        /** What the try gave: the result, a failure to report, or another try after a delay. */
        private void answered(Attempt attempt, HttpTransport.Response response, Throwable failure) {
            Retry retry;
            try {
                retry = response != null ? read(attempt, response) : failed(attempt, failure);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            if (retry == null) {
                return;
            }
            if (retry.failure instanceof Cin7IoException) {
                listener.requestFailed(GET, path, attempt.number, retry.reason, attempt.elapsed());
            }
            if (attempt.number >= retryPolicy.maxAttempts()) {
                result.completeExceptionally(retry.failure instanceof RateLimitException refused ? refused.afterAttempts(attempt.number)
                        : retry.failure);
                return;
            }
            Duration delay = retry.retryAfter != null ? retry.retryAfter : retryPolicy.backoff(attempt.number, random.getAsDouble());
            listener.retryScheduled(GET, path, attempt.number, retry.reason, delay);
            sleeper.after(delay).whenCompleteAsync((waited, interruption) -> {
                Throwable cause = interruption == null ? null : Futures.cause(interruption);
                if (cause instanceof InterruptedException e) {
                    result.completeExceptionally(interruption(path, e));
                } else if (cause != null) {
                    result.completeExceptionally(cause);
                } else if (!result.isDone()) {
                    attempt(attempt.number + 1);
                }
            }, executor);
        }

        /** Reads a response: completes the result, or says why to try again. */
        private Retry read(Attempt attempt, HttpTransport.Response response) {
            try {
                int status = response.statusCode();
                listener.responseReceived(GET, path, attempt.number, status, attempt.elapsed());
                if (status >= 200 && status <= 299) {
                    try {
                        result.complete(reader.read(response.body()));
                        return null;
                    } catch (IOException e) {
                        return new Retry(new Cin7IoException(GET + " " + path + ": response body cut short: " + e.getMessage(), e),
                                "body cut short", null);
                    }
                }
                Duration retryAfter = response.header("Retry-After").flatMap(h -> RetryAfter.parse(h, clock.instant())).orElse(null);
                Cin7ApiException error = ApiErrors.forStatus(GET, path, status, excerpt(response.body()), retryAfter);
                if (!ApiErrors.isRetryable(status) || waitsTooLong(retryAfter)) {
                    throw error; // a wait of hours means the day's calls are spent: the caller decides, nobody waits
                }
                if (status == 429) {
                    paced.refusedByCin7(); // the windows allowed it, so others share the limit: go slower
                }
                return new Retry(error, "HTTP " + status, retryAfter);
            } finally {
                closeQuietly(response);
            }
        }

        /** Says why a request that got no response is worth another try; throws when it is not. */
        private Retry failed(Attempt attempt, Throwable failure) {
            if (failure instanceof HttpConnectTimeoutException) {
                return new Retry(new Cin7IoException(GET + " " + path + ": timed out connecting to " + hostAndPort(), failure),
                        "connect timeout", null);
            }
            if (failure instanceof HttpTimeoutException) {
                return new Retry(new Cin7IoException(GET + " " + path + ": timed out after " + requestTimeout.toMillis()
                        + " ms waiting for " + hostAndPort() + " to answer", failure), "timeout", null);
            }
            if (failure instanceof ConnectException) {
                // no host by that name, or nobody listening: a setting to fix, not a moment to wait for
                throw new Cin7IoException(GET + " " + path + ": " + (isUnknownHost(failure) ? "unknown host " + baseUri.getHost()
                        : "connection refused by " + hostAndPort()), failure);
            }
            if (failure instanceof IOException) {
                return new Retry(new Cin7IoException(GET + " " + path + ": " + failure, failure),
                        "I/O error: " + failure.getClass().getSimpleName(), null);
            }
            if (failure instanceof InterruptedException e) {
                throw interruption(path, e);
            }
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked; // the caller's last word refused the request, or a bug: as it was thrown
            }
            throw new IllegalStateException(GET + " " + path + ": " + failure, failure);
        }
    }

    /** A try that failed and is worth another: what to report if it is the last, and what Cin7 asked to wait. */
    private record Retry(Cin7Exception failure, String reason, Duration retryAfter) {}

    /** One try of a request: the caller's last word before it is sent, the time it went out and the time its answer came. */
    private final class Attempt implements Runnable {
        private final String path;
        private final int number;
        private volatile Instant sentAt;
        private volatile Instant answeredAt;

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

        /** The status line came, or the request failed. */
        void answered() {
            answeredAt = clock.instant();
        }

        Duration elapsed() {
            Instant sent = sentAt;
            return sent == null ? Duration.ZERO : Duration.between(sent, answeredAt != null ? answeredAt : clock.instant());
        }
    }

    private static void closeQuietly(HttpTransport.Response response) {
        try {
            response.close();
        } catch (IOException e) {
            // an abandoned body: nothing to tell anyone
        }
    }

    /** The blocking caller was interrupted: its flag is set again. */
    private static Cin7InterruptedException interrupted(String path, InterruptedException e) {
        Thread.currentThread().interrupt();
        return interruption(path, e);
    }

    /** A wait or a send of {@code path} was interrupted (whoever saw it set the flag again). */
    private static Cin7InterruptedException interruption(String path, InterruptedException e) {
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
