package io.moselle.sync;

import io.moselle.sync.postgres.PostgresSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL for the tests of this module, started once from the binaries published as
 * Maven artifacts (no Docker) and stopped when the JVM ends. Each test takes tables of its own
 * (a fresh prefix) or a database of its own, and data sources of its own: separate connections,
 * as separate processes would have.
 */
final class TestPostgres {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending
                }
            }));
        }
        return server;
    }

    /** A new table prefix, with the sync tables created. */
    static String newTables(DataSource dataSource) {
        String prefix = "t" + NAMES.incrementAndGet() + "_";
        PostgresSchema.create(dataSource, prefix);
        return prefix;
    }

    /** A data source of the {@code postgres} database: connections of its own. */
    static PGSimpleDataSource dataSource() {
        return dataSource("postgres");
    }

    /** A data source of {@code database}: connections of its own. */
    static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl(database));
        ds.setUser("postgres");
        return ds;
    }

    static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    /** A new, empty database. */
    static String newDatabase() {
        String name = "db" + NAMES.incrementAndGet();
        execute(dataSource(), "CREATE DATABASE " + name);
        return name;
    }

    /** Lets a lease's time pass on the database's clock, as if its holder had stopped renewing it. */
    static void expireLease(DataSource dataSource, String prefix, String key) {
        execute(dataSource, "UPDATE " + prefix + "lease SET expires_at = clock_timestamp() - interval '1 second'"
                + " WHERE lease_key = '" + key + "'");
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
