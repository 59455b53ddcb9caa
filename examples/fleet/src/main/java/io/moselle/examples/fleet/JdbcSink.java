package io.moselle.examples.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Product;
import io.moselle.sync.Retraction;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.spi.UniformTransactionalSink;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A sink over PostgreSQL: every record as JSON in one table, {@code moselle_record}, keyed by
 * (tenant, record type, key), in the same database as the engine's stores. It writes in the
 * engine's transactions ({@link io.moselle.sync.spi.TransactionalSink}): each page is committed with its checkpoint
 * under the run's lease, so it is applied exactly once, and a replica that lost its tenant
 * commits nothing. A start for a host's own sink, which would write its own tables. Thread-safe.
 */
public final class JdbcSink implements UniformTransactionalSink {
    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS moselle_record (
                tenant_id   text  NOT NULL,
                record_type text  NOT NULL,
                record_key  text  NOT NULL,
                record      jsonb NOT NULL,
                PRIMARY KEY (tenant_id, record_type, record_key)
            )""";
    private static final String UPSERT = """
            INSERT INTO moselle_record (tenant_id, record_type, record_key, record) VALUES (?, ?, ?, ?::jsonb)
            ON CONFLICT (tenant_id, record_type, record_key) DO UPDATE SET record = EXCLUDED.record""";
    private static final String DELETE = "DELETE FROM moselle_record WHERE tenant_id = ? AND record_type = ? AND record_key = ?";
    private static final String DELETE_OTHERS =
            "DELETE FROM moselle_record WHERE tenant_id = ? AND record_type = ? AND NOT (record_key = ANY (?))";
    private static final String DEACTIVATE_OTHERS = """
            UPDATE moselle_record SET record = jsonb_set(record, '{active}', 'false')
            WHERE tenant_id = ? AND record_type = ? AND NOT (record_key = ANY (?)) AND record->>'active' = 'true'""";

    /** A sink writing to the engine's database; creates its table there, through {@code dataSource}, when missing. */
    public JdbcSink(DataSource dataSource) throws SQLException {
        try (Connection c = Objects.requireNonNull(dataSource, "dataSource").getConnection(); Statement s = c.createStatement()) {
            s.execute(TABLE);
        }
    }

    /** The text a key is stored as: records are keyed by it. */
    static String keyText(Object key) {
        return String.valueOf(key);
    }

    @Override
    public <R, K> void write(Connection c, SyncBatch<R, K> batch) throws SQLException, JsonProcessingException {
        try (PreparedStatement upsert = c.prepareStatement(UPSERT); PreparedStatement delete = c.prepareStatement(DELETE)) {
            for (R record : batch.upserts()) {
                upsert.setString(1, batch.tenantId());
                upsert.setString(2, batch.type().name());
                upsert.setString(3, keyText(batch.type().keyOf(record)));
                upsert.setString(4, MoselleJson.writer().writeValueAsString(record));
                upsert.addBatch();
            }
            for (Retraction<K> retraction : batch.retractions()) {
                delete.setString(1, batch.tenantId());
                delete.setString(2, batch.type().name());
                delete.setString(3, keyText(retraction.key()));
                delete.addBatch();
            }
            upsert.executeBatch();
            delete.executeBatch();
        }
    }

    /** Warehouses and inventory levels the snapshot does not hold are deleted. */
    @Override
    public <R, K> void retainOnly(Connection c, Snapshot<R, K> snapshot) throws SQLException {
        allBut(c, DELETE_OTHERS, snapshot);
    }

    /** Products the snapshot does not hold are marked inactive. */
    @Override
    public void productsComplete(Connection c, Snapshot<Product, String> snapshot) throws SQLException {
        allBut(c, DEACTIVATE_OTHERS, snapshot);
    }

    /** Runs {@code sql} on the records of the snapshot's type whose keys it does not hold. */
    private static void allBut(Connection c, String sql, Snapshot<?, ?> snapshot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array keys = c.createArrayOf("text", snapshot.keys().stream().map(JdbcSink::keyText).toArray());
            ps.setString(1, snapshot.tenantId());
            ps.setString(2, snapshot.type().name());
            ps.setArray(3, keys);
            ps.executeUpdate();
        }
    }
}
