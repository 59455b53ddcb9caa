package io.moselle.examples.fleet;

import io.moselle.cin7.client.Credentials;
import io.moselle.mapping.cin7.Cin7SettingsJson;
import io.moselle.sync.SyncReport;
import io.moselle.sync.Tenant;
import io.moselle.sync.postgres.PostgresSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The fleet's tables beside the sync's: the tenants to sync, a row per run, and db-scheduler's
 * {@code scheduled_tasks}. A real host keeps its tenants (and their API keys, encrypted) in its
 * own tables; these are the smallest stand-ins.
 */
final class FleetDatabase {
    /** The sync's tables live under this prefix. */
    static final String PREFIX = "moselle_sync_";

    private static final String[] TABLES = {
        """
        CREATE TABLE IF NOT EXISTS fleet_tenant (
            id           text PRIMARY KEY,
            api_username text NOT NULL,
            api_key      text NOT NULL,
            settings     text NOT NULL DEFAULT '{}'
        )""",
        """
        CREATE TABLE IF NOT EXISTS fleet_run (
            id          bigserial PRIMARY KEY,
            tenant_id   text        NOT NULL,
            worker      text        NOT NULL,
            started_at  timestamptz NOT NULL,
            finished_at timestamptz NOT NULL,
            status      text        NOT NULL,
            api_calls   bigint      NOT NULL,
            pages       bigint      NOT NULL,
            error       text
        )""",
        """
        CREATE TABLE IF NOT EXISTS fleet_applied (
            tenant_id   text   NOT NULL,
            record_type text   NOT NULL,
            record_key  text   NOT NULL,
            token       bigint NOT NULL,
            applied     int    NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
            PRIMARY KEY (tenant_id, record_type, record_key, token)
        )""",
        """
        CREATE TABLE IF NOT EXISTS fleet_worker (
            name             text PRIMARY KEY,
            store_statements bigint NOT NULL,
            pages            bigint NOT NULL
        )""",
        // db-scheduler's table, as its documentation gives it for PostgreSQL
        """
        CREATE TABLE IF NOT EXISTS scheduled_tasks (
            task_name            text NOT NULL,
            task_instance        text NOT NULL,
            task_data            bytea,
            execution_time       timestamptz,
            picked               boolean NOT NULL,
            picked_by            text,
            last_success         timestamptz,
            last_failure         timestamptz,
            consecutive_failures int,
            last_heartbeat       timestamptz,
            version              bigint NOT NULL,
            priority             smallint,
            state                text,
            PRIMARY KEY (task_name, task_instance)
        )""",
        "CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time)",
        "CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
        "CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)"
    };

    private FleetDatabase() {}

    /** Creates every table the fleet needs, the sync's included, when missing. */
    static void create(DataSource db) throws SQLException {
        PostgresSchema.create(db, PREFIX);
        new JdbcSink(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : TABLES) {
                s.execute(sql);
            }
        }
    }

    static void addTenant(DataSource db, String id, Credentials credentials) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO fleet_tenant (id, api_username, api_key) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, credentials.username());
            ps.setString(3, credentials.apiKey());
            ps.executeUpdate();
        }
    }

    static Tenant tenant(DataSource db, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT api_username, api_key, settings FROM fleet_tenant WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no tenant " + id + " in fleet_tenant");
                }
                return Tenant.of(id, Credentials.of(rs.getString(1), rs.getString(2)), Cin7SettingsJson.read(rs.getString(3)));
            }
        }
    }

    static void recordRun(DataSource db, String worker, Instant started, SyncReport report) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_run"
                + " (tenant_id, worker, started_at, finished_at, status, api_calls, pages, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, report.tenantId());
            ps.setString(2, worker);
            ps.setTimestamp(3, Timestamp.from(started));
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setString(5, report.status().name());
            ps.setLong(6, report.apiCalls());
            ps.setLong(7, report.streams().stream().mapToLong(s -> s.pages()).sum());
            ps.setString(8, report.status().name().equals("SUCCEEDED") ? null : report.toString());
            ps.executeUpdate();
        }
    }

    /** Whether the tenant's sync succeeded already this UTC day. */
    static boolean succeededToday(DataSource db, String tenantId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM fleet_run WHERE tenant_id = ?"
                + " AND status = 'SUCCEEDED' AND started_at >= date_trunc('day', clock_timestamp() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void recordWorker(DataSource db, String worker, long statements, long pages) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_worker VALUES (?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET store_statements = EXCLUDED.store_statements, pages = EXCLUDED.pages")) {
            ps.setString(1, worker);
            ps.setLong(2, statements);
            ps.setLong(3, pages);
            ps.executeUpdate();
        }
    }

    /** Tenants with a run that succeeded since {@code since}, by the worker that ran it. */
    static Map<String, String> succeededSince(DataSource db, Instant since) throws SQLException {
        Map<String, String> byTenant = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT tenant_id, worker FROM fleet_run WHERE status = 'SUCCEEDED' AND started_at >= ? ORDER BY id")) {
            ps.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byTenant.merge(rs.getString(1), rs.getString(2), (a, b) -> a + "," + b);
                }
            }
        }
        return byTenant;
    }

    static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
