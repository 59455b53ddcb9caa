package io.moselle.sync.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.mapping.MoselleJson;
import io.moselle.sync.CheckpointException;
import io.moselle.sync.internal.AtomicFiles;
import io.moselle.sync.internal.CheckpointJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checkpoints as one JSON file per tenant in a directory, {@code <tenant>.checkpoints.json}.
 * Every save replaces the file with {@link AtomicFiles#replace}, so a crash during a write leaves
 * either the old or the new state, never a torn file.
 *
 * <p>A file that cannot be read fails with a {@link CheckpointException} saying so. To recover,
 * delete the file: the tenant's next run is a first run again and re-reads its initial history;
 * records are upserted by key, so nothing is duplicated. Thread-safe within one process; do not
 * share a directory between processes (leases are not checked).
 */
public final class FileCheckpointStore implements CheckpointStore {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path directory;

    /** Checkpoints in {@code directory}, one JSON file per tenant; the directory is created when first written. */
    public FileCheckpointStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The file holding a tenant's checkpoints. */
    public Path fileOf(String tenantId) {
        String name = SAFE.matcher(tenantId).matches() && !tenantId.startsWith(".")
                ? tenantId : "t-" + HexFormat.of().formatHex(tenantId.getBytes(StandardCharsets.UTF_8));
        return directory.resolve(name + ".checkpoints.json");
    }

    @Override
    public synchronized Optional<Checkpoint> load(String tenantId, CheckpointKey key) {
        JsonNode entry = read(tenantId).get(key.name());
        if (entry == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CheckpointJson.fromNode(entry));
        } catch (IllegalArgumentException e) {
            throw corrupt(tenantId, "its entry " + key + " is invalid (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized void save(String tenantId, CheckpointKey key, Checkpoint checkpoint, Lease lease) {
        ObjectNode all = read(tenantId);
        all.set(key.name(), CheckpointJson.toNode(checkpoint));
        Path file = fileOf(tenantId);
        try {
            AtomicFiles.replace(file, out -> out.write(MoselleJson.writer().withDefaultPrettyPrinter().writeValueAsBytes(all)));
        } catch (IOException e) {
            throw new CheckpointException("cannot write checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode read(String tenantId) {
        Path file = fileOf(tenantId);
        try {
            JsonNode node = MoselleJson.reader().readTree(Files.readAllBytes(file));
            if (!(node instanceof ObjectNode object)) {
                throw corrupt(tenantId, "it does not hold a JSON object", null);
            }
            return object;
        } catch (NoSuchFileException e) {
            return JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            throw corrupt(tenantId, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private CheckpointException corrupt(String tenantId, String problem, Throwable cause) {
        return new CheckpointException("checkpoint file " + fileOf(tenantId) + " of tenant " + tenantId + ": " + problem
                + ". To recover, delete the file: the next run re-reads the tenant's initial history, and upserts by key"
                + " keep the sink free of duplicates.", cause);
    }
}
