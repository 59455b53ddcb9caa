package io.moselle.examples;

import io.moselle.sync.Checkpoint;
import io.moselle.sync.CheckpointStore;
import io.moselle.sync.FileCheckpointStore;
import io.moselle.sync.Lease;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints that reach their file only on {@link #flush()}: the CLI flushes them together with
 * the {@link FileSink}'s files, so checkpoints never run ahead of the records on disk.
 */
final class BufferedCheckpointStore implements CheckpointStore {
    private final FileCheckpointStore file;
    private final Map<String, Checkpoint> pending = new ConcurrentHashMap<>();
    private final Map<String, String> tenants = new ConcurrentHashMap<>();
    private volatile Lease lease;

    BufferedCheckpointStore(FileCheckpointStore file) {
        this.file = file;
    }

    @Override
    public Optional<Checkpoint> load(String tenantId, String name) {
        Checkpoint buffered = pending.get(key(tenantId, name));
        return buffered != null ? Optional.of(buffered) : file.load(tenantId, name);
    }

    @Override
    public void save(String tenantId, String name, Checkpoint checkpoint, Lease lease) {
        this.lease = lease;
        pending.put(key(tenantId, name), checkpoint);
        tenants.put(key(tenantId, name), tenantId);
    }

    void flush() {
        pending.forEach((key, checkpoint) -> file.save(tenants.get(key), key.substring(key.indexOf('\u0000') + 1), checkpoint, lease));
        pending.clear();
    }

    private static String key(String tenantId, String name) {
        return tenantId + '\u0000' + name;
    }
}
