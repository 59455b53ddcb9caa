package io.moselle.sync.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What the stores share: the data source, the table names, one connection per piece of work, and
 * a timeout on every statement, so that a hung database fails a step instead of blocking it.
 */
final class Jdbc {
    /** The default table-name prefix. */
    static final String DEFAULT_PREFIX = "moselle_sync_";
    /** How long a statement may take, unless a lease allows less. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");
    /** The network timeout gives a cancelled statement this long to say so before the socket read gives up. */
    private static final Duration NETWORK_GRACE = Duration.ofSeconds(5);
    private static final Executor DIRECT = Runnable::run;

    private final DataSource dataSource;
    private final String prefix;
    private final Duration timeout;

    Jdbc(DataSource dataSource, String prefix, Duration timeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.prefix = checkPrefix(prefix);
        this.timeout = timeout;
    }

    /** The prefix goes into SQL text, so only lower-case letters, digits and underscores are let through. */
    static String checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be lower-case letters, digits and underscores (at most 41),"
                    + " starting with a letter or underscore, was '" + prefix + "'");
        }
        return prefix;
    }

    DataSource dataSource() {
        return dataSource;
    }

    String prefix() {
        return prefix;
    }

    Duration timeout() {
        return timeout;
    }

    /** Why tables of {@code other} are not these, or null when they are: the same data source and prefix. */
    String differenceFrom(Jdbc other) {
        if (other.dataSource != dataSource) {
            return "they are on another DataSource (" + other.dataSource + ", not " + dataSource + ")";
        }
        if (!other.prefix.equals(prefix)) {
            return "they are in the tables with prefix " + other.prefix + ", not " + prefix;
        }
        return null;
    }

    /** {@code sql} with {@code ${prefix}} replaced by the table-name prefix. */
    String sql(String sql) {
        return sql.replace("${prefix}", prefix);
    }

    /** A statement of {@code sql} (prefix written out) that the driver cancels after the timeout. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return prepare(connection, sql, timeout);
    }

    /** A statement of {@code sql} (prefix written out) that the driver cancels after {@code limit}. */
    PreparedStatement prepare(Connection connection, String sql, Duration limit) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql(sql));
        ps.setQueryTimeout(seconds(limit));
        return ps;
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on a connection of the pool, in autocommit: each statement is atomic on its own. */
    <T> T run(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int network = bound(connection, timeout);
            try {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                return work.run(connection);
            } finally {
                restore(connection, network);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction on a connection of the pool and commits it; rolls back
     * and rethrows when it throws. Every read on the connection is bounded by {@code limit} and a
     * grace; {@code work} sets the transaction's own timeouts ({@link #guard}, or the lease check).
     */
    <T> T inTransaction(Duration limit, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int network = bound(connection, limit);
            boolean autoCommit = connection.getAutoCommit();
            try {
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // a session the database ended has rolled back already
                }
                throw e;
            } finally {
                try {
                    if (autoCommit && !connection.isClosed()) {
                        connection.setAutoCommit(true);
                    }
                    restore(connection, network);
                } catch (SQLException e) {
                    // a broken connection: the pool discards it
                }
            }
        }
    }

    private static final String GUARD = """
            SELECT set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true),
                   set_config('idle_in_transaction_session_timeout', ?, true)""";

    /**
     * Sets the transaction's own timeouts (local to it, so the host's pooled session is left as
     * it was): a statement, a lock wait and time idle inside the transaction each end it after
     * {@code limit}.
     */
    static void guard(Connection connection, Duration limit) throws SQLException {
        String ms = Long.toString(Math.max(1, limit.toMillis()));
        try (PreparedStatement ps = connection.prepareStatement(GUARD)) {
            ps.setQueryTimeout(seconds(limit));
            ps.setString(1, ms);
            ps.setString(2, ms);
            ps.setString(3, ms);
            ps.execute();
        }
    }

    /**
     * Bounds every read on {@code connection} to {@code timeout} and a grace, so that a database
     * that stops answering (or a network that drops) fails the step instead of blocking it.
     *
     * @return the connection's network timeout before, for {@link #restore}; -1 when the driver has none
     */
    static int bound(Connection connection, Duration timeout) throws SQLException {
        try {
            int before = connection.getNetworkTimeout();
            connection.setNetworkTimeout(DIRECT, (int) Math.min(Integer.MAX_VALUE, timeout.plus(NETWORK_GRACE).toMillis()));
            return before;
        } catch (SQLFeatureNotSupportedException e) {
            return -1;
        }
    }

    /** Gives the host's connection back its network timeout. */
    static void restore(Connection connection, int networkTimeout) throws SQLException {
        if (networkTimeout >= 0 && !connection.isClosed()) {
            connection.setNetworkTimeout(DIRECT, networkTimeout);
        }
    }

    /** Whole seconds for {@link PreparedStatement#setQueryTimeout}: at least one, as zero means none. */
    static int seconds(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
    }

    /** A one-line description of a database failure, for messages. */
    static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQL state " + e.getSQLState() + "]";
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("") + state;
    }
}
