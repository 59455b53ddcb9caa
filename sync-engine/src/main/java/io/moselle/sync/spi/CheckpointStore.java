package io.moselle.sync.spi;

import io.moselle.sync.CheckpointException;
import io.moselle.sync.LeaseLostException;
import java.util.Optional;

/**
 * Keeps each tenant's {@link Checkpoint}s between runs, one per {@link CheckpointKey}: a windowed stream, and
 * whether it is a re-sync's (the daily runs and a re-sync keep separate ones). The engine saves a checkpoint only after the sink has
 * taken the batch it covers. Implementations must be thread-safe: runs of different tenants, and
 * parallel streams of one, save at the same time. This module ships
 * {@link InMemoryCheckpointStore}, {@link FileCheckpointStore} and, for several processes,
 * {@code io.moselle.sync.postgres.PostgresCheckpointStore}.
 */
public interface CheckpointStore {
    /**
     * @param key the stream and whether the checkpoint is a re-sync's
     * @throws CheckpointException when the stored state cannot be read
     */
    Optional<Checkpoint> load(String tenantId, CheckpointKey key);

    /**
     * Replaces the checkpoint; when this returns it must survive a crash.
     *
     * @param lease the run's lease on the tenant. A store shared by several processes refuses the
     *     save when a newer holder has taken the lease since, so a process that wakes up late can
     *     never move a checkpoint back; a store of one process may ignore it.
     * @throws LeaseLostException when the save is refused for that reason
     * @throws CheckpointException when the checkpoint cannot be written
     */
    void save(String tenantId, CheckpointKey key, Checkpoint checkpoint, Lease lease);

    /**
     * Why saves to this store are not fenced by the leases of {@code leases}, or empty when they
     * are. A store of one process needs no fence: the default is empty. A store shared by several
     * processes is fenced only by leases kept beside it (the same database and tables); the
     * engine refuses to build with a shared store that {@code leases} do not fence, unless the
     * host declares a single replica.
     */
    default Optional<String> unfencedBy(LeaseStore leases) {
        return Optional.empty();
    }
}
