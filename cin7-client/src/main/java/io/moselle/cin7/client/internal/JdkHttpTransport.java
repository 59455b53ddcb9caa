package io.moselle.cin7.client.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link HttpTransport} over {@code java.net.http}. GET only, by construction. Thread-safe. */
public final class JdkHttpTransport implements HttpTransport {
    /**
     * One JDK client per connect timeout and version, for the whole process: a JDK client starts
     * its own selector thread and pool, and thousands of tenant runs must not start thousands.
     */
    private static final Map<String, HttpClient> SHARED = new ConcurrentHashMap<>();

    /**
     * The threads the shared JDK clients hand their work to (completing futures, feeding bodies):
     * short tasks, so a few threads serve any number of requests in flight, which wait for Cin7
     * on the clients' selector threads and hold none of these.
     */
    private static final int WORKERS = 4;

    private final HttpClient http;

    /** Over a JDK client that may be shared: its connection pool and threads then serve every Cin7 client using it. */
    public JdkHttpTransport(HttpClient http) {
        this.http = http;
    }

    /** The process-wide JDK client with this connect timeout and version, never following redirects. */
    public static HttpClient shared(Duration connectTimeout, HttpClient.Version version) {
        return SHARED.computeIfAbsent(connectTimeout + "/" + version, key -> HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(version)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(workers())
                .build());
    }

    private static ExecutorService workers() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "moselle-cin7-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(toJdk(request), HttpResponse.BodyHandlers.ofInputStream());
        return wrap(response.statusCode(), response.headers(), response.body());
    }

    /**
     * The body comes whole: the JDK client gathers it without a thread, where a streamed body
     * would hold one of its workers until the reader gets to it. One page per request in flight.
     */
    @Override
    public CompletableFuture<Response> sendAsync(Request request) {
        return http.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> wrap(response.statusCode(), response.headers(), new ByteArrayInputStream(response.body())));
    }

    private static HttpRequest toJdk(Request request) {
        if (!"GET".equals(request.method())) {
            throw new IllegalArgumentException("the Cin7 client is read-only: refusing to send " + request.method());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).GET().timeout(request.timeout());
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private static Response wrap(int status, HttpHeaders headers, InputStream body) {
        return new Response() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public Optional<String> header(String name) {
                return headers.firstValue(name);
            }

            @Override
            public InputStream body() {
                return body;
            }
        };
    }
}
