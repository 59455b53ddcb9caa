package io.moselle.sync;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7ClientListener;
import io.moselle.cin7.client.Cin7RateLimiter;
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
     */
    static Cin7ClientFactory standard(UnaryOperator<Cin7Client.Builder> configure) {
        Objects.requireNonNull(configure, "configure");
        return (tenant, listener, limiter) -> configure.apply(Cin7Client.builder())
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
