package io.moselle.sync;

import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.CheckpointStore;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import io.moselle.sync.spi.Lease;
import java.util.Optional;
import java.util.function.IntPredicate;

/** Checkpoints in memory that fail on demand: a store that throws on a save, after the sink took the batch. */
final class CrashingCheckpointStore implements CheckpointStore {
    private final InMemoryCheckpointStore stored = new InMemoryCheckpointStore();
    private int saves;
    /** Given the 1-based count of saves so far, whether this save throws (and saves nothing). */
    volatile IntPredicate failSaveWhen = n -> false;

    @Override
    public Optional<Checkpoint> load(String tenantId, CheckpointKey key) {
        return stored.load(tenantId, key);
    }

    @Override
    public void save(String tenantId, CheckpointKey key, Checkpoint checkpoint, Lease lease) {
        int n;
        synchronized (this) {
            n = ++saves;
        }
        if (failSaveWhen.test(n)) {
            throw new CheckpointException("the checkpoint store failed on save " + n, null);
        }
        stored.save(tenantId, key, checkpoint, lease);
    }
}
