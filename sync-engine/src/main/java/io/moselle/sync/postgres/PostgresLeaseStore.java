package io.moselle.sync.postgres;

import io.moselle.sync.Fence;
import io.moselle.sync.LeaseHeldException;
import io.moselle.sync.LeaseLostException;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.LeaseStore;
import java.sql.Connection;
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
 * <p>Taking a lease locks its row and succeeds only when the row is missing, expired or left by
 * the same holder (a release that never reached the database: a holder name is unique to one
 * engine, which runs a tenant once at a time by itself); it then increments the token. Taking it
 * waits for the deliveries of the current holder that hold the row (see {@link #verify}), which
 * the database ends by itself within the lease's time left. A lease is renewed and released by
 * statements that match its token, so a holder that lost it changes nothing; one not renewed
 * before it expired is lost, even if nobody has taken it yet.
 *
 * <p><b>Renewals never wait for the host's pool.</b> While it holds a lease, the store keeps one
 * connection of the pool for its renewals, so a pool saturated by the host's own work cannot
 * let a lease expire under a live holder (a false takeover). It gives the connection back when
 * it holds no lease.
 *
 * <p>Unlike PostgreSQL advisory locks, a lease does not live in a database session: it survives a
 * pool recycling its connections and works behind PgBouncer in transaction pooling, and a holder
 * whose connection was killed loses nothing until the lease expires. Every statement has a
 * timeout. Thread-safe.
 */
public final class PostgresLeaseStore implements LeaseStore {
    private static final String LOCK = """
            SELECT holder, expires_at > clock_timestamp(), GREATEST(0, EXTRACT(EPOCH FROM expires_at - clock_timestamp()))
            FROM ${prefix}lease WHERE lease_key = ? FOR UPDATE""";
    private static final String INSERT = """
            INSERT INTO ${prefix}lease (lease_key, holder, token, acquired_at, expires_at)
            VALUES (?, ?, 1, clock_timestamp(), clock_timestamp() + ? * interval '1 millisecond')
            ON CONFLICT (lease_key) DO NOTHING RETURNING token""";
    private static final String TAKE = """
            UPDATE ${prefix}lease SET holder = ?, token = token + 1, acquired_at = clock_timestamp(),
                expires_at = clock_timestamp() + ? * interval '1 millisecond'
            WHERE lease_key = ? RETURNING token""";
    private static final String RENEW = """
            UPDATE ${prefix}lease SET expires_at = clock_timestamp() + ? * interval '1 millisecond'
            WHERE lease_key = ? AND token = ? AND expires_at > clock_timestamp()""";
    private static final String RELEASE = """
            UPDATE ${prefix}lease SET expires_at = clock_timestamp()
            WHERE lease_key = ? AND token = ? AND expires_at > clock_timestamp()""";
    /**
     * The fence: the lease row with this token, not expired, locked against a takeover (which
     * locks it FOR UPDATE) but not against renewals (FOR NO KEY UPDATE), and the transaction's
     * timeouts lowered to the lease's time left, so it cannot hold the row past the lease.
     */
    static final String FENCE = """
            SELECT set_config('statement_timeout', f.ms, true), set_config('lock_timeout', f.ms, true),
                   set_config('idle_in_transaction_session_timeout', f.ms, true)
            FROM (SELECT GREATEST(1, LEAST(?, (EXTRACT(EPOCH FROM expires_at - clock_timestamp()) * 1000)::bigint))::text AS ms
                  FROM ${prefix}lease WHERE lease_key = ? AND token = ? AND expires_at > clock_timestamp()
                  FOR KEY SHARE) f""";

    private final Jdbc jdbc;
    private final Duration duration;
    private final Object renewals = new Object();
    /** The connection renewals use, and the leases held through this store; guarded by {@link #renewals}. */
    private Connection renewalConnection;
    private int renewalNetworkTimeout;
    private int held;

    /** Leases of 30 seconds in the tables with the default prefix {@code moselle_sync_}. */
    public PostgresLeaseStore(DataSource dataSource) {
        this(dataSource, Jdbc.DEFAULT_PREFIX, Duration.ofSeconds(30));
    }

    /**
     * @param duration how long a lease lives without renewal: how long after its holder died
     *     another process can take the tenant over (the engine renews every third of it)
     * @throws IllegalArgumentException for a bad prefix, or a duration under a second
     */
    public PostgresLeaseStore(DataSource dataSource, String tablePrefix, Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lease duration must be at least 1 s, was " + duration);
        }
        this.duration = duration;
        Duration third = duration.dividedBy(3);
        this.jdbc = new Jdbc(dataSource, tablePrefix, third.compareTo(Jdbc.STATEMENT_TIMEOUT) < 0 ? third : Jdbc.STATEMENT_TIMEOUT);
    }

    @Override
    public Duration duration() {
        return duration;
    }

    /** The tables and data source of the leases, for the stores they fence. */
    Jdbc jdbc() {
        return jdbc;
    }

    /**
     * Checks, inside the caller's transaction on {@code connection}, that the lease of
     * {@code fence} is still held with its token and not expired on the database's clock, and
     * holds it against a takeover until that transaction ends. The transaction's
     * {@code statement_timeout}, {@code lock_timeout} and {@code idle_in_transaction_session_timeout}
     * are set locally to the lease's time left, so a caller that freezes holds the row no longer
     * than the lease would have lasted. For a sink that writes to this database in its own
     * transactions: call it before its writes, then commit; a holder that lost its tenant
     * commits nothing.
     *
     * <pre>{@code
     * connection.setAutoCommit(false);
     * leases.verify(connection, batch.fence());
     * ... writes ...
     * connection.commit();
     * }</pre>
     *
     * @throws LeaseLostException when another holder has taken the lease, or it expired
     * @throws IllegalStateException when {@code connection} is in autocommit: there is no transaction to hold the lease in
     * @throws PostgresStoreException when the database fails
     */
    public void verify(Connection connection, Fence fence) {
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("verify needs the sink's transaction: the connection is in autocommit");
            }
            if (!holds(jdbc, connection, fence)) {
                throw lost(fence, "nothing may be committed under it");
            }
        } catch (SQLException e) {
            throw new PostgresStoreException("cannot check the lease " + fence.leaseKey() + ": " + Jdbc.describe(e), e);
        }
    }

    /**
     * Whether the lease of {@code fence} is held; if so, its row is locked until the transaction
     * ends, and the transaction's timeouts are set to the lease's time left (at most the store's
     * statement timeout). The statement's own wait for the row is bounded by the query timeout.
     */
    static boolean holds(Jdbc jdbc, Connection connection, Fence fence) throws SQLException {
        try (PreparedStatement ps = jdbc.prepare(connection, FENCE)) {
            ps.setLong(1, jdbc.timeout().toMillis());
            ps.setString(2, fence.leaseKey());
            ps.setLong(3, fence.token());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static LeaseLostException lost(Fence fence, String consequence) {
        return new LeaseLostException("the lease " + fence.leaseKey() + " (token " + fence.token()
                + ") is no longer held: it expired or was taken over by a newer holder, so " + consequence);
    }

    @Override
    public Lease acquire(String key, String holder) {
        // waits for the deliveries that hold the row: the database ends each within the lease's time left
        Duration wait = duration.plus(jdbc.timeout());
        long token;
        try {
            token = jdbc.inTransaction(wait, c -> {
                // a taker frozen while it holds the row would hold up the holder's renewals: the database ends it
                Jdbc.guard(c, wait);
                return take(c, key, holder, wait);
            });
        } catch (SQLException e) {
            throw new PostgresStoreException("cannot take the lease " + key + ": " + Jdbc.describe(e), e);
        }
        JdbcLease lease = new JdbcLease(key, token);
        try {
            keepRenewalConnection();
        } catch (SQLException e) {
            lease.release();
            throw new PostgresStoreException("cannot keep a connection for renewing the lease " + key + ": " + Jdbc.describe(e), e);
        }
        return lease;
    }

    private long take(Connection c, String key, String holder, Duration wait) throws SQLException {
        try (PreparedStatement lock = jdbc.prepare(c, LOCK, wait)) {
            lock.setString(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return insert(c, key, holder);
                }
                boolean live = rs.getBoolean(2);
                if (live && !rs.getString(1).equals(holder)) {
                    throw new LeaseHeldException(key, rs.getString(1), "it expires in " + Math.round(rs.getDouble(3)) + " s unless renewed");
                }
            }
        }
        try (PreparedStatement take = jdbc.prepare(c, TAKE)) {
            take.setString(1, holder);
            take.setLong(2, duration.toMillis());
            take.setString(3, key);
            try (ResultSet rs = take.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A first lease of {@code key}; another process inserting it at the same moment has it. */
    private long insert(Connection c, String key, String holder) throws SQLException {
        try (PreparedStatement insert = jdbc.prepare(c, INSERT)) {
            insert.setString(1, key);
            insert.setString(2, holder);
            insert.setLong(3, duration.toMillis());
            try (ResultSet rs = insert.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        throw new LeaseHeldException(key, "another holder", "taken at the same moment");
    }

    private void keepRenewalConnection() throws SQLException {
        synchronized (renewals) {
            renewalConnection();
            held++;
        }
    }

    /** The connection kept for renewals, taken from the pool when there is none; the caller holds {@link #renewals}. */
    private Connection renewalConnection() throws SQLException {
        if (renewalConnection == null) {
            Connection c = jdbc.dataSource().getConnection();
            renewalNetworkTimeout = Jdbc.bound(c, jdbc.timeout());
            c.setAutoCommit(true);
            renewalConnection = c;
        }
        return renewalConnection;
    }

    private void dropRenewalConnection() {
        synchronized (renewals) {
            if (renewalConnection != null) {
                try {
                    Jdbc.restore(renewalConnection, renewalNetworkTimeout);
                    renewalConnection.close();
                } catch (SQLException e) {
                    // broken: the pool discards it
                }
                renewalConnection = null;
            }
        }
    }

    private void released() {
        synchronized (renewals) {
            if (--held == 0) {
                dropRenewalConnection();
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresLeaseStore{" + jdbc.sql("${prefix}lease") + ", " + duration.toSeconds() + " s}";
    }

    /** A lease held: its row matches the key and the token. */
    final class JdbcLease implements Lease {
        private final String key;
        private final long token;
        private boolean released;

        JdbcLease(String key, long token) {
            this.key = key;
            this.token = token;
        }

        /** The store that gave it out. */
        PostgresLeaseStore store() {
            return PostgresLeaseStore.this;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public long token() {
            return token;
        }

        /** Renews on the store's own connection, so a host's pool that has none free cannot hold it up. */
        @Override
        public boolean renew() {
            synchronized (renewals) {
                try {
                    try (PreparedStatement ps = jdbc.prepare(renewalConnection(), RENEW)) {
                        ps.setLong(1, duration.toMillis());
                        ps.setString(2, key);
                        ps.setLong(3, token);
                        return ps.executeUpdate() == 1;
                    }
                } catch (SQLException e) {
                    dropRenewalConnection(); // the next renewal takes a fresh one
                    throw new PostgresStoreException("cannot renew the lease " + key + ": " + Jdbc.describe(e), e);
                }
            }
        }

        @Override
        public void release() {
            synchronized (renewals) {
                if (released) {
                    return;
                }
                released = true;
            }
            try {
                jdbc.run(c -> {
                    try (PreparedStatement ps = jdbc.prepare(c, RELEASE)) {
                        ps.setString(1, key);
                        ps.setLong(2, token);
                        return ps.executeUpdate();
                    }
                });
            } catch (SQLException e) {
                throw new PostgresStoreException("cannot release the lease " + key + ": " + Jdbc.describe(e), e);
            } finally {
                released();
            }
        }

        @Override
        public String toString() {
            return "Lease{" + key + ", token " + token + "}";
        }
    }
}
