package io.moselle.sync.internal;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7RateLimiter;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The engine's Cin7 clients: the host's options, the tenant's credentials, and one rate limiter
 * per API connection shared by every run that uses it, since Cin7 counts calls per connection
 * (its username), whatever tenant makes them. The host's options cannot replace the pacing.
 * Thread-safe.
 */
public final class Cin7Connections {
    private final EngineConfig config;
    private final Map<String, Cin7RateLimiter> limiters = new ConcurrentHashMap<>();

    Cin7Connections(EngineConfig config) {
        this.config = config;
    }

    /** The limiter of the API connection {@code username}, with the engine's limits and that connection's budget. */
    Cin7RateLimiter limiterFor(String username) {
        return limiters.computeIfAbsent(username,
                u -> Cin7RateLimiter.create(config.rateLimits(), config.callBudgets().forConnection(u), config.pacingClock()));
    }

    /** A client builder for the connection of {@code credentials}, paced by its shared limiter, sending {@code userAgent}. */
    Cin7Client.Builder clientFor(Credentials credentials, String userAgent) {
        return builder(config.clientOptions(), credentials, limiterFor(credentials.username())).userAgent(userAgent)
                .clock(config.pacingClock()).sleeper(config.sleeper());
    }

    /**
     * A client builder with the host's options, the credentials and the engine's limiter; its
     * {@code build()} throws IllegalArgumentException when the options cannot make a client,
     * e.g. when they set limits of their own beside the engine's limiter.
     */
    /**
     * Builds a client with the host's options, to find out whether they can make one.
     *
     * @throws IllegalArgumentException saying why they cannot
     */
    public static void probe(Consumer<Cin7Client.Options> options, RateLimits rateLimits, Clock pacingClock) {
        builder(options, Credentials.of("probe", "probe"), Cin7RateLimiter.create(rateLimits, CallBudget.unlimited(), pacingClock)).build();
    }

    private static Cin7Client.Builder builder(Consumer<Cin7Client.Options> options, Credentials credentials, Cin7RateLimiter limiter) {
        Cin7Client.Builder builder = Cin7Client.builder();
        options.accept(builder);
        return builder.credentials(credentials).rateLimiter(limiter);
    }
}
