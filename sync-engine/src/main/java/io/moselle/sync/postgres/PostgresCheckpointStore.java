package io.moselle.sync.postgres;

import io.moselle.sync.CheckpointException;
import io.moselle.sync.Fence;
import io.moselle.sync.LeaseLostException;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.LeaseStore;
import io.moselle.sync.spi.TransactionalCheckpointStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Checkpoints as rows of {@code <prefix>checkpoint} in PostgreSQL: one row per tenant and
 * checkpoint, the checkpoint as JSON.
 *
 * <p><b>Fencing.</b> Use it with a {@link PostgresLeaseStore} on the same {@code DataSource} and table
 * prefix (the engine refuses anything else unless the host declares a single replica). A save
 * locks the run's lease row against a takeover and writes only while the row still carries the
 * run's token and has not expired on the database's clock. A holder that lost its tenant gets a
 * {@link LeaseLostException} and changes nothing, so a checkpoint never moves back.
 *
 * <p><b>Transactions.</b> {@link #commit} applies a {@code TransactionalSink}'s writes and the
 * checkpoint in one transaction under that fence: every page exactly once. Every statement has a
 * timeout. Thread-safe.
 */
public final class PostgresCheckpointStore implements TransactionalCheckpointStore {
    private static final String LOAD = "SELECT state::text FROM ${prefix}checkpoint WHERE tenant_id = ? AND name = ?";
    private static final String SAVE_FENCED = """
            WITH fence AS (SELECT token FROM ${prefix}lease
                           WHERE lease_key = ? AND token = ? AND expires_at > clock_timestamp() FOR KEY SHARE)
            INSERT INTO ${prefix}checkpoint (tenant_id, name, state, lease_token, saved_at)
            SELECT ?, ?, ?::jsonb, fence.token, clock_timestamp() FROM fence
            ON CONFLICT (tenant_id, name) DO UPDATE
                SET state = EXCLUDED.state, lease_token = EXCLUDED.lease_token, saved_at = EXCLUDED.saved_at""";
    /** For a single replica's leases, kept in memory: nothing in the database to fence with. */
    private static final String SAVE_UNFENCED = """
            INSERT INTO ${prefix}checkpoint (tenant_id, name, state, lease_token, saved_at)
            VALUES (?, ?, ?::jsonb, 0, clock_timestamp())
            ON CONFLICT (tenant_id, name) DO UPDATE SET state = EXCLUDED.state, saved_at = EXCLUDED.saved_at""";

    private final Jdbc jdbc;

    /** Checkpoints in the table with the default prefix {@code moselle_sync_}. */
    public PostgresCheckpointStore(DataSource dataSource) {
        this(dataSource, Jdbc.DEFAULT_PREFIX);
    }

    /**
     * @throws IllegalArgumentException for a prefix other than lower-case letters, digits and underscores
     */
    public PostgresCheckpointStore(DataSource dataSource, String tablePrefix) {
        this.jdbc = new Jdbc(dataSource, tablePrefix, Jdbc.STATEMENT_TIMEOUT);
    }

    @Override
    public Optional<Checkpoint> load(String tenantId, CheckpointKey key) {
        String json;
        try {
            json = jdbc.run(c -> {
                try (PreparedStatement ps = jdbc.prepare(c, LOAD)) {
                    ps.setString(1, tenantId);
                    ps.setString(2, key.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
        } catch (SQLException e) {
            throw new CheckpointException("cannot load checkpoint " + key + " of tenant " + tenantId + ": " + Jdbc.describe(e), e);
        }
        try {
            return Optional.ofNullable(json).map(Checkpoint::fromJson);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint " + key + " of tenant " + tenantId + " in " + jdbc.sql("${prefix}checkpoint")
                    + " is invalid (" + e.getMessage() + "). To recover, delete its row: the next run re-reads the tenant's"
                    + " initial history, and upserts by key keep the sink free of duplicates.", e);
        }
    }

    @Override
    public void save(String tenantId, CheckpointKey key, Checkpoint checkpoint, Lease lease) {
        boolean fenced = isOwn(lease);
        int saved;
        try {
            saved = jdbc.run(c -> fenced ? saveFenced(c, tenantId, key, checkpoint, Fence.of(lease)) : saveUnfenced(c, tenantId, key, checkpoint));
        } catch (SQLException e) {
            throw new CheckpointException("cannot save checkpoint " + key + " of tenant " + tenantId + ": " + Jdbc.describe(e), e);
        }
        if (saved == 0) {
            throw notSaved(tenantId, key, Fence.of(lease));
        }
    }

    @Override
    public void commit(String tenantId, Fence fence, Writes writes, CheckpointKey key, Optional<Checkpoint> checkpoint) {
        try {
            jdbc.inTransaction(jdbc.timeout(), c -> {
                if (!PostgresLeaseStore.holds(jdbc, c, fence)) {
                    throw PostgresLeaseStore.lost(fence, "the delivery to tenant " + tenantId + " was not committed");
                }
                writes.apply(c);
                if (checkpoint.isPresent() && saveFenced(c, tenantId, key, checkpoint.get(), fence) == 0) {
                    throw notSaved(tenantId, key, fence);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new CheckpointException("cannot commit a delivery to tenant " + tenantId
                    + (checkpoint.isPresent() ? " with checkpoint " + key : "") + ": " + Jdbc.describe(e), e);
        }
    }

    /** Saves under the fence: in the lease's row's lock, while it is unexpired and has the fence's token. */
    private int saveFenced(Connection c, String tenantId, CheckpointKey key, Checkpoint checkpoint, Fence fence) throws SQLException {
        try (PreparedStatement ps = jdbc.prepare(c, SAVE_FENCED)) {
            ps.setString(1, fence.leaseKey());
            ps.setLong(2, fence.token());
            ps.setString(3, tenantId);
            ps.setString(4, key.name());
            ps.setString(5, checkpoint.toJson());
            return ps.executeUpdate();
        }
    }

    private int saveUnfenced(Connection c, String tenantId, CheckpointKey key, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement ps = jdbc.prepare(c, SAVE_UNFENCED)) {
            ps.setString(1, tenantId);
            ps.setString(2, key.name());
            ps.setString(3, checkpoint.toJson());
            return ps.executeUpdate();
        }
    }

    private static LeaseLostException notSaved(String tenantId, CheckpointKey key, Fence fence) {
        return new LeaseLostException("checkpoint " + key + " of tenant " + tenantId + " not saved: the lease " + fence.leaseKey()
                + " (token " + fence.token() + ") has expired or been taken over by a newer holder");
    }

    /** Whether {@code lease} is kept beside these checkpoints, so that saves can be fenced by it. */
    private boolean isOwn(Lease lease) {
        return lease instanceof PostgresLeaseStore.JdbcLease own && jdbc.differenceFrom(own.store().jdbc()) == null;
    }

    @Override
    public Optional<String> unfencedBy(LeaseStore leases) {
        if (!(leases instanceof PostgresLeaseStore store)) {
            return Optional.of("they are not in the database");
        }
        return Optional.ofNullable(jdbc.differenceFrom(store.jdbc())).map(why -> "the leases are not beside the checkpoints: " + why);
    }

    @Override
    public String toString() {
        return "PostgresCheckpointStore{" + jdbc.sql("${prefix}checkpoint") + "}";
    }
}
