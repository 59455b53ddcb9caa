package io.moselle.cin7.client.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The one thing the client needs from HTTP: send a request, get a status, headers and a streamed body. */
public interface HttpTransport {

    /**
     * Sends {@code request}. Only {@code GET} is ever accepted: the client is read-only.
     *
     * @throws IllegalArgumentException for any other method, before anything is sent
     */
    Response send(Request request) throws IOException, InterruptedException;

    /**
     * Sends {@code request} without holding a thread while it waits: the future completes with
     * the response (an implementation may gather the body first), or fails with the I/O error.
     * By default it {@linkplain #send sends} on the calling thread.
     */
    default CompletableFuture<Response> sendAsync(Request request) {
        try {
            return CompletableFuture.completedFuture(send(request));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A request; headers may hold credentials, so this type has no {@code toString} of them. */
    record Request(String method, URI uri, Map<String, String> headers, Duration timeout) {
        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    /** A response whose body is read as a stream; close it to release the connection. */
    interface Response extends Closeable {
        int statusCode();

        Optional<String> header(String name);

        InputStream body();

        @Override
        default void close() throws IOException {
            body().close();
        }
    }
}
