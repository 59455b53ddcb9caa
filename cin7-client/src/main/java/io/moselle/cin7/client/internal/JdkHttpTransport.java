package io.moselle.cin7.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link HttpTransport} over {@code java.net.http}. GET only, by construction. Thread-safe. */
public final class JdkHttpTransport implements HttpTransport {
    /**
     * One JDK client per connect timeout and version, for the whole process: a JDK client starts
     * its own selector thread and pool, and thousands of tenant runs must not start thousands.
     */
    private static final Map<String, HttpClient> SHARED = new ConcurrentHashMap<>();

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
                .build());
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        if (!"GET".equals(request.method())) {
            throw new IllegalArgumentException("the Cin7 client is read-only: refusing to send " + request.method());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).GET().timeout(request.timeout());
        request.headers().forEach(builder::header);
        HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new Response() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public Optional<String> header(String name) {
                return response.headers().firstValue(name);
            }

            @Override
            public InputStream body() {
                return response.body();
            }
        };
    }
}
