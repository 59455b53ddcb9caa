package io.moselle.sync.jdbc;

import io.moselle.sync.Lease;
import io.moselle.sync.LeaseHeldException;
import io.moselle.sync.LeaseStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Leases as rows of {@code <prefix>lease} in PostgreSQL, shared by every process using the
 * database: one row per key with its holder, its fencing token and its expiry. Time is judged on
 * the database's clock only, so the nodes' clocks do not matter.
 *
 * <p>Taking a lease is one atomic upsert that succeeds only when the row is missing, expired or
 * left by the same holder (a release that never reached the database: a holder name is unique
 * to one engine, which runs a tenant once at a time by itself), and then increments the token. A lease is renewed and released by statements that match its
 * token, so a holder that lost it changes nothing; one not renewed before it expired is lost,
 * even if nobody has taken it yet. Unlike PostgreSQL advisory locks, a lease does
 * not live in a database session: it survives a pool recycling its connections and works behind
 * PgBouncer in transaction pooling, and a holder whose connection was killed loses nothing until
 * the lease expires. Thread-safe.
 */
public final class JdbcLeaseStore implements LeaseStore {
    private static final String ACQUIRE = """
            INSERT INTO ${prefix}lease (lease_key, holder, token, acquired_at, expires_at)
            VALUES (?, ?, 1, clock_timestamp(), clock_timestamp() + ? * interval '1 millisecond')
            ON CONFLICT (lease_key) DO UPDATE
                SET holder = EXCLUDED.holder, token = ${prefix}lease.token + 1,
                    acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at
                WHERE ${prefix}lease.expires_at <= clock_timestamp() OR ${prefix}lease.holder = EXCLUDED.holder
            RETURNING token""";
    private static final String HOLDER = """
            SELECT holder, GREATEST(0, EXTRACT(EPOCH FROM expires_at - clock_timestamp())) FROM ${prefix}lease
            WHERE lease_key = ? AND expires_at > clock_timestamp()""";
    private static final String RENEW = """
            UPDATE ${prefix}lease SET expires_at = clock_timestamp() + ? * interval '1 millisecond'
            WHERE lease_key = ? AND token = ? AND expires_at > clock_timestamp()""";
    private static final String RELEASE = """
            UPDATE ${prefix}lease SET expires_at = clock_timestamp()
            WHERE lease_key = ? AND token = ? AND expires_at > clock_timestamp()""";

    private final Jdbc jdbc;
    private final Duration duration;

    /** Leases of 30 seconds in the tables with the default prefix {@code moselle_sync_}. */
    public JdbcLeaseStore(DataSource dataSource) {
        this(dataSource, Jdbc.DEFAULT_PREFIX, Duration.ofSeconds(30));
    }

    /**
     * @param duration how long a lease lives without renewal: how long after its holder died
     *     another process can take the tenant over (the engine renews every third of it)
     * @throws IllegalArgumentException for a bad prefix, or a duration under a second
     */
    public JdbcLeaseStore(DataSource dataSource, String tablePrefix, Duration duration) {
        this.jdbc = new Jdbc(dataSource, tablePrefix);
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lease duration must be at least 1 s, was " + duration);
        }
        this.duration = duration;
    }

    @Override
    public Duration duration() {
        return duration;
    }

    @Override
    public Lease acquire(String key, String holder) {
        try {
            for (int attempt = 1; ; attempt++) {
                Long token = jdbc.run(c -> {
                    try (PreparedStatement ps = c.prepareStatement(jdbc.sql(ACQUIRE))) {
                        ps.setString(1, key);
                        ps.setString(2, holder);
                        ps.setLong(3, duration.toMillis());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : null;
                        }
                    }
                });
                if (token != null) {
                    return new JdbcLease(key, token);
                }
                LeaseHeldException held = heldBy(key);
                if (held != null || attempt == 2) {
                    throw held != null ? held : new LeaseHeldException(key, "another holder", "");
                }
                // released between the two statements: try once more
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot take the lease " + key + ": " + Jdbc.describe(e), e);
        }
    }

    private LeaseHeldException heldBy(String key) throws SQLException {
        return jdbc.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(jdbc.sql(HOLDER))) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new LeaseHeldException(key, rs.getString(1),
                            "it expires in " + Math.round(rs.getDouble(2)) + " s unless renewed") : null;
                }
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcLeaseStore{" + jdbc.sql("${prefix}lease") + ", " + duration.toSeconds() + " s}";
    }

    /** A lease held: its row matches the key and the token. */
    private final class JdbcLease implements Lease {
        private final String key;
        private final long token;

        JdbcLease(String key, long token) {
            this.key = key;
            this.token = token;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public long token() {
            return token;
        }

        @Override
        public boolean renew() {
            try {
                return update(RENEW, ps -> {
                    ps.setLong(1, duration.toMillis());
                    ps.setString(2, key);
                    ps.setLong(3, token);
                }) == 1;
            } catch (SQLException e) {
                throw new JdbcStoreException("cannot renew the lease " + key + ": " + Jdbc.describe(e), e);
            }
        }

        @Override
        public void release() {
            try {
                update(RELEASE, ps -> {
                    ps.setString(1, key);
                    ps.setLong(2, token);
                });
            } catch (SQLException e) {
                throw new JdbcStoreException("cannot release the lease " + key + ": " + Jdbc.describe(e), e);
            }
        }

        private int update(String sql, Parameters parameters) throws SQLException {
            return jdbc.run(c -> {
                try (PreparedStatement ps = c.prepareStatement(jdbc.sql(sql))) {
                    parameters.set(ps);
                    return ps.executeUpdate();
                }
            });
        }

        @Override
        public String toString() {
            return "Lease{" + key + ", token " + token + "}";
        }
    }

    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement ps) throws SQLException;
    }
}
