package io.moselle.examples.fleet;

import io.moselle.mapping.Product;
import io.moselle.sync.Retraction;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.spi.UniformTransactionalSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The fleet's sink: the host's sink, and in the same transaction a count in
 * {@code fleet_applied} of every time a record is applied, per run (the batch's fencing token),
 * and when it last was.
 * A page applied twice by one run, or by a holder that lost its tenant, shows there whatever the
 * final state says.
 */
final class CountingSink implements UniformTransactionalSink {
    private static final String COUNT = """
            INSERT INTO fleet_applied (tenant_id, record_type, record_key, token, applied) VALUES (?, ?, ?, ?, 1)
            ON CONFLICT (tenant_id, record_type, record_key, token)
                DO UPDATE SET applied = fleet_applied.applied + 1, applied_at = clock_timestamp()""";

    private final JdbcSink sink;

    CountingSink(JdbcSink sink) {
        this.sink = sink;
    }

    @Override
    public <R, K> void write(Connection connection, SyncBatch<R, K> batch) throws Exception {
        sink.write(connection, batch);
        count(connection, batch);
    }

    private static <R, K> void count(Connection connection, SyncBatch<R, K> batch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(COUNT)) {
            for (R record : batch.upserts()) {
                add(ps, batch, batch.type().keyOf(record));
            }
            for (Retraction<K> retraction : batch.retractions()) {
                add(ps, batch, retraction.key());
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, SyncBatch<?, ?> batch, Object key) throws SQLException {
        ps.setString(1, batch.tenantId());
        ps.setString(2, batch.type().name());
        ps.setString(3, String.valueOf(key));
        ps.setLong(4, batch.fence().token());
        ps.addBatch();
    }

    @Override
    public <R, K> void retainOnly(Connection connection, Snapshot<R, K> snapshot) throws Exception {
        sink.retainOnly(connection, snapshot);
    }

    @Override
    public void productsComplete(Connection connection, Snapshot<Product, String> snapshot) throws Exception {
        sink.productsComplete(connection, snapshot);
    }
}
