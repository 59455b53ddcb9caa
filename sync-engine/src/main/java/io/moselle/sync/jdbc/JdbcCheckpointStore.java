package io.moselle.sync.jdbc;

import io.moselle.sync.Checkpoint;
import io.moselle.sync.CheckpointException;
import io.moselle.sync.CheckpointJson;
import io.moselle.sync.CheckpointStore;
import io.moselle.sync.Lease;
import io.moselle.sync.LeaseLostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Checkpoints as rows of {@code <prefix>checkpoint} in PostgreSQL: one row per tenant and
 * checkpoint, the checkpoint as JSON, replaced by one atomic statement.
 *
 * <p><b>Fencing.</b> A save names the run's lease on the tenant. It locks that lease's row in
 * {@code <prefix>lease} (shared, so a takeover waits for it) and writes only while the row still
 * carries the run's token: a holder that lost the tenant to a newer one gets a
 * {@link LeaseLostException} and changes nothing, so it can never move a checkpoint back. With
 * no lease row (leases kept elsewhere), saves are not fenced. Use it with {@link JdbcLeaseStore}
 * on the same tables. Thread-safe.
 */
public final class JdbcCheckpointStore implements CheckpointStore {
    private static final String LOAD = "SELECT state::text FROM ${prefix}checkpoint WHERE tenant_id = ? AND name = ?";
    private static final String SAVE = """
            WITH fence AS (SELECT token FROM ${prefix}lease WHERE lease_key = ? FOR SHARE)
            INSERT INTO ${prefix}checkpoint (tenant_id, name, state, lease_token, saved_at)
            SELECT ?, ?, ?::jsonb, ?, clock_timestamp()
            WHERE NOT EXISTS (SELECT 1 FROM fence WHERE fence.token <> ?)
            ON CONFLICT (tenant_id, name) DO UPDATE
                SET state = EXCLUDED.state, lease_token = EXCLUDED.lease_token, saved_at = EXCLUDED.saved_at""";

    private final Jdbc jdbc;

    /** Checkpoints in the table with the default prefix {@code moselle_sync_}. */
    public JdbcCheckpointStore(DataSource dataSource) {
        this(dataSource, Jdbc.DEFAULT_PREFIX);
    }

    /**
     * @throws IllegalArgumentException for a prefix other than lower-case letters, digits and underscores
     */
    public JdbcCheckpointStore(DataSource dataSource, String tablePrefix) {
        this.jdbc = new Jdbc(dataSource, tablePrefix);
    }

    @Override
    public Optional<Checkpoint> load(String tenantId, String name) {
        String json;
        try {
            json = jdbc.run(c -> {
                try (PreparedStatement ps = c.prepareStatement(jdbc.sql(LOAD))) {
                    ps.setString(1, tenantId);
                    ps.setString(2, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
        } catch (SQLException e) {
            throw new CheckpointException("cannot load checkpoint " + name + " of tenant " + tenantId + ": " + Jdbc.describe(e), e);
        }
        try {
            return Optional.ofNullable(json).map(CheckpointJson::read);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint " + name + " of tenant " + tenantId + " in " + jdbc.sql("${prefix}checkpoint")
                    + " is invalid (" + e.getMessage() + "). To recover, delete its row: the next run re-reads the tenant's"
                    + " initial history, and upserts by key keep the sink free of duplicates.", e);
        }
    }

    @Override
    public void save(String tenantId, String name, Checkpoint checkpoint, Lease lease) {
        int saved;
        try {
            saved = jdbc.run(c -> {
                try (PreparedStatement ps = c.prepareStatement(jdbc.sql(SAVE))) {
                    ps.setString(1, lease.key());
                    ps.setString(2, tenantId);
                    ps.setString(3, name);
                    ps.setString(4, CheckpointJson.write(checkpoint));
                    ps.setLong(5, lease.token());
                    ps.setLong(6, lease.token());
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new CheckpointException("cannot save checkpoint " + name + " of tenant " + tenantId + ": " + Jdbc.describe(e), e);
        }
        if (saved == 0) {
            throw new LeaseLostException("checkpoint " + name + " of tenant " + tenantId + " not saved: the lease " + lease.key()
                    + " (token " + lease.token() + ") has been taken over by a newer holder");
        }
    }

    @Override
    public String toString() {
        return "JdbcCheckpointStore{" + jdbc.sql("${prefix}checkpoint") + "}";
    }
}
