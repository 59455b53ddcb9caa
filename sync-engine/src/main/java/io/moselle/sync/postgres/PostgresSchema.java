package io.moselle.sync.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tables of the PostgreSQL stores: {@code <prefix>checkpoint}, {@code <prefix>call_budget},
 * {@code <prefix>lease} and {@code <prefix>run_status}, as versioned migrations in this library's jar
 * ({@link #MIGRATIONS}, {@code V1__moselle_sync_stores.sql} and later versions), which Flyway
 * applies as they are with the placeholder {@code prefix}. {@link #create} applies them itself,
 * for a host without a migration tool.
 */
public final class PostgresSchema {
    /** Where the migrations are, as Flyway names a location: {@code classpath:db/moselle-sync}. */
    public static final String MIGRATIONS = "classpath:db/moselle-sync";
    /** The migrations in order; a new version of the schema adds one, and never changes one released. */
    private static final List<String> VERSIONS = List.of("V1__moselle_sync_stores.sql", "V2__moselle_sync_run_status.sql");

    private PostgresSchema() {}

    /**
     * The schema's SQL, every migration in order, with {@code tablePrefix} written out: statements
     * separated by {@code ;}, each creating a table (or a column) only when it is missing.
     *
     * @throws IllegalArgumentException for a prefix other than lower-case letters, digits and underscores
     */
    public static String sql(String tablePrefix) {
        String prefix = Jdbc.checkPrefix(tablePrefix);
        StringBuilder sql = new StringBuilder();
        for (String version : VERSIONS) {
            String resource = "/" + MIGRATIONS.substring("classpath:".length()) + "/" + version;
            try (InputStream in = PostgresSchema.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource + " in the jar of " + PostgresSchema.class.getName());
                }
                sql.append(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sql.toString();
    }

    /** Creates the tables with the default prefix {@code moselle_sync_} that are missing. */
    public static void create(DataSource dataSource) {
        create(dataSource, Jdbc.DEFAULT_PREFIX);
    }

    /**
     * Creates the tables that are missing, in one transaction. Safe to call from every replica at
     * start-up: a transaction-scoped advisory lock serialises concurrent calls.
     *
     * @throws PostgresStoreException when the database refuses
     */
    public static void create(DataSource dataSource, String tablePrefix) {
        List<String> statements = statements(sql(tablePrefix));
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext('" + tablePrefix + "schema'))");
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new PostgresStoreException("cannot create the sync tables with prefix " + tablePrefix + ": " + Jdbc.describe(e), e);
        }
    }

    /** The statements of {@code sql}, without comment lines. */
    static List<String> statements(String sql) {
        String code = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
