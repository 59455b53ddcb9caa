package io.moselle.sync.spi;

import io.moselle.sync.CheckpointException;
import io.moselle.sync.Fence;
import io.moselle.sync.LeaseLostException;
import java.sql.Connection;
import java.util.Optional;

/**
 * A checkpoint store in a database that can also hold a {@link TransactionalSink}'s records: it
 * commits a page's writes and its checkpoint in one transaction, fenced by the run's lease.
 * {@code PostgresCheckpointStore} is one. Implementations must be thread-safe.
 */
public interface TransactionalCheckpointStore extends CheckpointStore {

    /**
     * Writes on a connection inside the store's transaction; they must not commit, roll back or
     * close it. A failure is thrown unchecked.
     */
    @FunctionalInterface
    interface Writes {
        /** Writes on {@code connection}, inside the store's transaction. */
        void apply(Connection connection);
    }

    /**
     * In one transaction: checks that the lease of {@code fence} is still held with its token and
     * not expired, on the database's clock, and holds it against a takeover until the end; runs
     * {@code writes}; saves {@code checkpoint} (when present) under {@code key}; commits. Either
     * all of it is committed or none of it.
     *
     * @throws LeaseLostException when the lease is no longer the run's: nothing is committed
     * @throws CheckpointException when the database failed: nothing is committed
     * @throws RuntimeException what {@code writes} threw, after the rollback: nothing is committed
     */
    void commit(String tenantId, Fence fence, Writes writes, CheckpointKey key, Optional<Checkpoint> checkpoint);
}
