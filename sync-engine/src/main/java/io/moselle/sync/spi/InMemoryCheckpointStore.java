package io.moselle.sync.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints in memory: lost when the process ends. For tests and single-process hosts; leases are not checked. Thread-safe. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    @Override
    public Optional<Checkpoint> load(String tenantId, String name) {
        return Optional.ofNullable(checkpoints.get(tenantId + "\u0000" + name));
    }

    @Override
    public void save(String tenantId, String name, Checkpoint checkpoint, Lease lease) {
        checkpoints.put(tenantId + "\u0000" + name, checkpoint);
    }
}
