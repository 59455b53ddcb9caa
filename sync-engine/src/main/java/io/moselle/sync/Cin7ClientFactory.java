package io.moselle.sync;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7ClientListener;
import io.moselle.cin7.client.Cin7RateLimiter;
import io.moselle.cin7.client.internal.JdkHttpTransport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Makes the Cin7 client of one run. The engine passes the listener through which it counts
 * calls for its report, and the rate limiter it shares between every run with the same
 * credentials (Cin7 counts calls per API connection); a factory must use both.
 */
@FunctionalInterface
public interface Cin7ClientFactory {

    Cin7Client create(Tenant tenant, Cin7ClientListener listener, Cin7RateLimiter rateLimiter);

    /**
     * The usual factory: {@code configure} sets what the host wants (base URI, timeouts, retry
     * policy, ...), then the tenant's credentials and the engine's listener and limiter are set.
     * Every client it makes shares one JDK HTTP client (one connection pool, one set of
     * threads), unless {@code configure} sets a connect timeout or HTTP version of its own.
     */
    static Cin7ClientFactory standard(UnaryOperator<Cin7Client.Builder> configure) {
        Objects.requireNonNull(configure, "configure");
        // HTTP/1.1: a pool of connections. Over HTTP/2 every tenant's requests would share one connection,
        // and those beyond the server's limit of concurrent streams would fail.
        HttpClient shared = JdkHttpTransport.newHttpClient(Duration.ofSeconds(10), HttpClient.Version.HTTP_1_1);
        return (tenant, listener, limiter) -> configure.apply(Cin7Client.builder().httpClient(shared))
                .credentials(tenant.credentials())
                .listener(listener)
                .rateLimiter(limiter)
                .build();
    }

    /** Clients of Cin7's production API with default settings. */
    static Cin7ClientFactory production() {
        return standard(builder -> builder);
    }
}
