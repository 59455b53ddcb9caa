package io.moselle.sync;

import java.util.Optional;

/**
 * Keeps each tenant's {@link Checkpoint}s between runs, one per stream and mode (the daily
 * runs and a re-sync keep separate ones). The engine saves a checkpoint only after the sink has
 * taken the batch it covers. Implementations must be thread-safe: runs of different tenants
 * save at the same time. The host may implement it over its own database; this module ships
 * {@link InMemoryCheckpointStore} and {@link FileCheckpointStore}.
 */
public interface CheckpointStore {
    /**
     * @param name the stream and mode, e.g. {@code SALES_ORDERS} or {@code SALES_ORDERS:resync}
     * @throws CheckpointException when the stored state cannot be read
     */
    Optional<Checkpoint> load(String tenantId, String name);

    /** Replaces the checkpoint; when this returns it must survive a crash. */
    void save(String tenantId, String name, Checkpoint checkpoint);
}
