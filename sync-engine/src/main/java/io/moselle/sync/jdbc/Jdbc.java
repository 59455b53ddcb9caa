package io.moselle.sync.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** What the stores share: the data source, the table names, and one connection per piece of work. */
final class Jdbc {
    /** The default table-name prefix. */
    static final String DEFAULT_PREFIX = "moselle_sync_";
    private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

    private final DataSource dataSource;
    private final String prefix;

    Jdbc(DataSource dataSource, String prefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.prefix = checkPrefix(prefix);
    }

    /** The prefix goes into SQL text, so only lower-case letters, digits and underscores are let through. */
    static String checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be lower-case letters, digits and underscores (at most 41),"
                    + " starting with a letter or underscore, was '" + prefix + "'");
        }
        return prefix;
    }

    /** {@code sql} with {@code ${prefix}} replaced by the table-name prefix. */
    String sql(String sql) {
        return sql.replace("${prefix}", prefix);
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on a connection of the pool, in autocommit: each statement is atomic on its own. */
    <T> T run(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return work.run(connection);
        }
    }

    /** A one-line description of a database failure, for messages. */
    static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQL state " + e.getSQLState() + "]";
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("") + state;
    }
}
