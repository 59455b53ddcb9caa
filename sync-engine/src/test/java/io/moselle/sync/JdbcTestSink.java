package io.moselle.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Product;
import io.moselle.sync.spi.UniformSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A sink keeping each record as JSON in a PostgreSQL table, one row per (tenant, type, key),
 * each batch in one transaction: shared by processes, so a run killed in one and finished in
 * another can be compared with an uninterrupted run.
 */
final class JdbcTestSink implements UniformSink {
    private final DataSource dataSource;
    private final String table;

    JdbcTestSink(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.table = prefix + "sink_record";
        TestPostgres.execute(dataSource, "CREATE TABLE IF NOT EXISTS " + table
                + " (tenant_id text, type text, record_key text, record text, PRIMARY KEY (tenant_id, type, record_key))");
    }

    @Override
    public <R, K> void write(SyncBatch<R, K> batch) throws SQLException, JsonProcessingException {
        String tenantId = batch.tenantId();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (tenant_id, type, record_key) DO UPDATE SET record = EXCLUDED.record");
                    PreparedStatement delete = c.prepareStatement("DELETE FROM " + table
                            + " WHERE tenant_id = ? AND type = ? AND record_key = ?")) {
                for (R record : batch.upserts()) {
                    upsert.setString(1, tenantId);
                    upsert.setString(2, batch.type().name());
                    upsert.setString(3, String.valueOf(batch.type().keyOf(record)));
                    upsert.setString(4, MoselleJson.writer().writeValueAsString(record));
                    upsert.addBatch();
                }
                for (var retraction : batch.retractions()) {
                    delete.setString(1, tenantId);
                    delete.setString(2, batch.type().name());
                    delete.setString(3, String.valueOf(retraction.key()));
                    delete.addBatch();
                }
                upsert.executeBatch();
                delete.executeBatch();
            }
            c.commit();
        }
    }

    @Override
    public void productsComplete(Snapshot<Product, String> snapshot) throws SQLException, JsonProcessingException {
        String type = RecordType.PRODUCT.name();
        for (Map.Entry<String, String> row : rows(snapshot.tenantId(), type).entrySet()) {
            Product product = MoselleJson.reader().forType(Product.class).readValue(row.getValue());
            if (!snapshot.keys().contains(row.getKey()) && product.active()) {
                update(snapshot.tenantId(), type, row.getKey(), MoselleJson.writer().writeValueAsString(product.deactivated()));
            }
        }
    }

    @Override
    public <R, K> void retainOnly(Snapshot<R, K> snapshot) throws SQLException {
        String type = snapshot.type().name();
        for (String key : rows(snapshot.tenantId(), type).keySet()) {
            if (snapshot.keys().stream().noneMatch(k -> String.valueOf(k).equals(key))) {
                update(snapshot.tenantId(), type, key, null);
            }
        }
    }

    /** What the sink holds for {@code tenantId}, read back into records. */
    RecordingSink.State state(String tenantId) throws SQLException, JsonProcessingException {
        RecordingSink.State s = new RecordingSink.State();
        read(tenantId, RecordType.WAREHOUSE, s.warehouses);
        read(tenantId, RecordType.PRODUCT, s.products);
        read(tenantId, RecordType.SALES_ORDER, s.salesOrders);
        read(tenantId, RecordType.REPLENISHMENT_ORDER, s.replenishments);
        read(tenantId, RecordType.INVENTORY_LEVEL, s.inventory);
        return s;
    }

    private <R, K> void read(String tenantId, RecordType<R, K> type, Map<K, R> into) throws SQLException, JsonProcessingException {
        for (String json : rows(tenantId, type.name()).values()) {
            R record = MoselleJson.reader().forType(type.recordClass()).readValue(json);
            into.put(type.keyOf(record), record);
        }
    }

    /** Every record of a type held for a tenant: key to JSON. */
    Map<String, String> rows(String tenantId, String type) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT record_key, record FROM " + table + " WHERE tenant_id = ? AND type = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return rows;
    }

    private void update(String tenantId, String type, String key, String json) throws SQLException {
        String sql = json == null ? "DELETE FROM " + table + " WHERE tenant_id = ? AND type = ? AND record_key = ?"
                : "UPDATE " + table + " SET record = ? WHERE tenant_id = ? AND type = ? AND record_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (json != null) {
                ps.setString(i++, json);
            }
            ps.setString(i++, tenantId);
            ps.setString(i++, type);
            ps.setString(i, key);
            ps.executeUpdate();
        }
    }
}
