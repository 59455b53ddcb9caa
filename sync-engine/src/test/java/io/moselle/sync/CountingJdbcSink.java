package io.moselle.sync;

import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Product;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.spi.UniformSink;
import io.moselle.sync.spi.UniformTransactionalSink;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Sinks over PostgreSQL that keep each record as {@link JdbcTestSink} does (so its {@code state}
 * reads them back) and count, in the same transaction, every time a record's upsert or
 * retraction is applied: a page applied twice shows as a count of two, whatever the final state.
 * {@link Transactional} writes in the engine's transactions; {@link Fenced} in its own, checking
 * the batch's fence first.
 */
final class CountingJdbcSink {
    private CountingJdbcSink() {}

    static void createTables(DataSource db, String prefix) {
        new JdbcTestSink(db, prefix);
        TestPostgres.execute(db, "CREATE TABLE IF NOT EXISTS " + prefix + "sink_applied (tenant_id text, type text, record_key text,"
                + " token bigint, applied int NOT NULL, PRIMARY KEY (tenant_id, type, record_key, token))");
    }

    static <R, K> void write(Connection c, String prefix, SyncBatch<R, K> batch) throws Exception {
        String table = prefix + "sink_record";
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id, type, record_key) DO UPDATE SET record = EXCLUDED.record");
                PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ? AND type = ? AND record_key = ?");
                PreparedStatement count = c.prepareStatement("INSERT INTO " + prefix + "sink_applied VALUES (?, ?, ?, ?, 1)"
                        + " ON CONFLICT (tenant_id, type, record_key, token) DO UPDATE SET applied = " + prefix + "sink_applied.applied + 1")) {
            for (R record : batch.upserts()) {
                String key = String.valueOf(batch.type().keyOf(record));
                set(upsert, batch, key).setString(4, MoselleJson.writer().writeValueAsString(record));
                upsert.addBatch();
                set(count, batch, key).setLong(4, batch.fence().token());
                count.addBatch();
            }
            for (Retraction<K> retraction : batch.retractions()) {
                set(delete, batch, String.valueOf(retraction.key())).addBatch();
                set(count, batch, String.valueOf(retraction.key())).setLong(4, batch.fence().token());
                count.addBatch();
            }
            upsert.executeBatch();
            delete.executeBatch();
            count.executeBatch();
        }
    }

    private static PreparedStatement set(PreparedStatement ps, SyncBatch<?, ?> batch, String key) throws SQLException {
        ps.setString(1, batch.tenantId());
        ps.setString(2, batch.type().name());
        ps.setString(3, key);
        return ps;
    }

    static void snapshotComplete(Connection c, String prefix, Snapshot<?, ?> snapshot) throws SQLException {
        String table = prefix + "sink_record";
        String sql = snapshot.type() == RecordType.PRODUCT
                ? "UPDATE " + table + " SET record = jsonb_set(record::jsonb, '{active}', 'false')::text"
                        + " WHERE tenant_id = ? AND type = ? AND NOT (record_key = ANY (?)) AND record::jsonb->>'active' = 'true'"
                : "DELETE FROM " + table + " WHERE tenant_id = ? AND type = ? AND NOT (record_key = ANY (?))";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array keys = c.createArrayOf("text", snapshot.keys().stream().map(String::valueOf).toArray());
            ps.setString(1, snapshot.tenantId());
            ps.setString(2, snapshot.type().name());
            ps.setArray(3, keys);
            ps.executeUpdate();
        }
    }

    /** How many times each record of {@code type} was applied, by all runs: key to count. */
    static Map<String, Integer> applications(DataSource db, String prefix, String tenantId, RecordType<?, ?> type) throws SQLException {
        return counts(db, "SELECT record_key, sum(applied)::int FROM " + prefix + "sink_applied WHERE tenant_id = ? AND type = ?"
                + " GROUP BY record_key", tenantId, type);
    }

    /**
     * How many times each record of {@code type} was applied by one run (one lease token): key and
     * token to count. A run that reads a record once applies it once; a daily run reads its
     * lookback again, so a record may be applied once by each of several runs.
     */
    static Map<String, Integer> applicationsPerRun(DataSource db, String prefix, String tenantId, RecordType<?, ?> type)
            throws SQLException {
        return counts(db, "SELECT record_key || '@' || token, applied FROM " + prefix + "sink_applied WHERE tenant_id = ? AND type = ?",
                tenantId, type);
    }

    private static Map<String, Integer> counts(DataSource db, String sql, String tenantId, RecordType<?, ?> type) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, type.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    /** Writes in the engine's transaction; {@code afterWrites} runs there after each batch's writes. */
    static final class Transactional implements UniformTransactionalSink {
        private final String prefix;
        volatile Consumer<SyncBatch<?, ?>> afterWrites = b -> { };

        Transactional(DataSource db, String prefix) {
            this.prefix = prefix;
            createTables(db, prefix);
        }

        @Override
        public <R, K> void write(Connection connection, SyncBatch<R, K> batch) throws Exception {
            CountingJdbcSink.write(connection, prefix, batch);
            afterWrites.accept(batch);
        }

        @Override
        public <R, K> void retainOnly(Connection connection, Snapshot<R, K> snapshot) throws Exception {
            CountingJdbcSink.snapshotComplete(connection, prefix, snapshot);
        }

        @Override
        public void productsComplete(Connection connection, Snapshot<Product, String> snapshot) throws Exception {
            CountingJdbcSink.snapshotComplete(connection, prefix, snapshot);
        }
    }

    /** Writes each call in a transaction of its own, after checking the call's fence in it. */
    static final class Fenced implements UniformSink {
        private final DataSource db;
        private final String prefix;
        private final PostgresLeaseStore leases;
        volatile Consumer<SyncBatch<?, ?>> afterWrites = b -> { };

        Fenced(DataSource db, String prefix, PostgresLeaseStore leases) {
            this.db = db;
            this.prefix = prefix;
            this.leases = leases;
            createTables(db, prefix);
        }

        @Override
        public <R, K> void write(SyncBatch<R, K> batch) throws Exception {
            inTransaction(batch.fence(), c -> {
                CountingJdbcSink.write(c, prefix, batch);
                afterWrites.accept(batch);
            });
        }

        @Override
        public <R, K> void retainOnly(Snapshot<R, K> snapshot) throws Exception {
            inTransaction(snapshot.fence(), c -> CountingJdbcSink.snapshotComplete(c, prefix, snapshot));
        }

        @Override
        public void productsComplete(Snapshot<Product, String> snapshot) throws Exception {
            inTransaction(snapshot.fence(), c -> CountingJdbcSink.snapshotComplete(c, prefix, snapshot));
        }

        private interface Work {
            void run(Connection c) throws Exception;
        }

        private void inTransaction(Fence fence, Work work) throws Exception {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    leases.verify(c, fence);
                    work.run(c);
                    c.commit();
                } catch (Exception e) {
                    try {
                        c.rollback();
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback); // a session the database ended has rolled back already
                    }
                    throw e;
                }
            }
        }
    }
}
