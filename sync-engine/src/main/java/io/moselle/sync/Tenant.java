package io.moselle.sync;

import io.moselle.cin7.client.Credentials;
import io.moselle.mapping.cin7.Cin7Settings;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Moselle customer's Cin7 connection: its id, Cin7 credentials, mapping settings (which also
 * hold each windowed stream's lookback and the initial history) and the streams to sync.
 * Immutable; {@link #toString()} never shows the API key.
 */
public final class Tenant {
    private static final Pattern ID = Pattern.compile("[^\\s/\\\\]{1,200}");

    private final String id;
    private final Credentials credentials;
    private final Cin7Settings settings;
    private final Set<SyncStream> streams;

    private Tenant(String id, Credentials credentials, Cin7Settings settings, Set<SyncStream> streams) {
        this.id = id;
        this.credentials = credentials;
        this.settings = settings;
        this.streams = Set.copyOf(streams);
    }

    /**
     * A tenant syncing every stream.
     *
     * @param id the host's id for the tenant: no spaces or slashes, at most 200 characters
     */
    public static Tenant of(String id, Credentials credentials, Cin7Settings settings) {
        return of(id, credentials, settings, EnumSet.allOf(SyncStream.class));
    }

    /** A tenant that syncs only {@code streams}. */
    public static Tenant of(String id, Credentials credentials, Cin7Settings settings, Set<SyncStream> streams) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("tenant id must be 1-200 characters without spaces or slashes, was '" + id + "'");
        }
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(settings, "settings");
        if (streams == null || streams.isEmpty()) {
            throw new IllegalArgumentException("tenant " + id + ": streams must name at least one stream");
        }
        return new Tenant(id, credentials, settings, streams);
    }

    /** The tenant's id in the host, which names it in leases, checkpoints and reports. */
    public String id() {
        return id;
    }

    /** The tenant's Cin7 API connection. */
    public Credentials credentials() {
        return credentials;
    }

    /** How the tenant's data maps to Moselle. */
    public Cin7Settings settings() {
        return settings;
    }

    /** The streams this tenant syncs. */
    public Set<SyncStream> streams() {
        return streams;
    }

    /** This tenant with other settings. */
    public Tenant withSettings(Cin7Settings settings) {
        return of(id, credentials, settings, streams);
    }

    /** This tenant syncing only {@code streams}. */
    public Tenant withStreams(Set<SyncStream> streams) {
        return of(id, credentials, settings, streams);
    }

    @Override
    public String toString() {
        return "Tenant{id=" + id + ", " + credentials + ", streams=" + streams + "}";
    }
}
