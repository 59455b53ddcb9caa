package io.moselle.sync.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints in memory: lost when the process ends. For tests and single-process hosts; leases are not checked. Thread-safe. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private record Slot(String tenantId, CheckpointKey key) {}

    private final Map<Slot, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    @Override
    public Optional<Checkpoint> load(String tenantId, CheckpointKey key) {
        return Optional.ofNullable(checkpoints.get(new Slot(tenantId, key)));
    }

    @Override
    public void save(String tenantId, CheckpointKey key, Checkpoint checkpoint, Lease lease) {
        checkpoints.put(new Slot(tenantId, key), checkpoint);
    }
}
