package io.moselle.cin7.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A Cin7 Omni API connection: its username and API key, sent as HTTP Basic auth.
 *
 * <p>Cin7 and Moselle screens may call the username <em>Account ID</em> and the key <em>API
 * Application Key</em>. The key never appears in {@link #toString()}, and equality compares
 * both parts. Immutable and thread-safe.
 */
public final class Credentials {
    private final String username;
    private final String apiKey;

    private Credentials(String username, String apiKey) {
        this.username = username;
        this.apiKey = apiKey;
    }

    /**
     * @param username the API connection username (a.k.a. Account ID)
     * @param apiKey the API key (a.k.a. API Application Key)
     * @throws IllegalArgumentException if either is null or blank
     */
    public static Credentials of(String username, String apiKey) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("credentials: username (Account ID) is missing");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("credentials: API key (API Application Key) is missing");
        }
        return new Credentials(username.trim(), apiKey.trim());
    }

    /** The API username: Cin7's Account ID, which names the API connection. */
    public String username() {
        return username;
    }

    /** The API key. Handle with care: never log it. */
    public String apiKey() {
        return apiKey;
    }

    /** The value of the {@code Authorization} header. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.username.equals(username) && c.apiKey.equals(apiKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, apiKey);
    }

    @Override
    public String toString() {
        return "Credentials{username=" + username + ", apiKey=****}";
    }
}
