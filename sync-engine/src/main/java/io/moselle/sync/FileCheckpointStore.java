package io.moselle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.mapping.MoselleJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checkpoints as one JSON file per tenant in a directory, {@code <tenant>.checkpoints.json}.
 * Every save writes a temporary file, forces it to disk and renames it over the old one, so a
 * crash during a write leaves either the old or the new state, never a torn file.
 *
 * <p>A file that cannot be read fails with a {@link CheckpointException} saying so. To recover,
 * delete the file: the tenant's next run is a first run again and re-reads its initial history;
 * records are upserted by key, so nothing is duplicated. Thread-safe within one process; do not
 * share a directory between processes.
 */
public final class FileCheckpointStore implements CheckpointStore {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path directory;

    public FileCheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** The file holding a tenant's checkpoints. */
    public Path fileOf(String tenantId) {
        String name = SAFE.matcher(tenantId).matches() && !tenantId.startsWith(".")
                ? tenantId : "t-" + HexFormat.of().formatHex(tenantId.getBytes(StandardCharsets.UTF_8));
        return directory.resolve(name + ".checkpoints.json");
    }

    @Override
    public synchronized Optional<Checkpoint> load(String tenantId, String name) {
        JsonNode stream = read(tenantId).get(name);
        if (stream == null) {
            return Optional.empty();
        }
        try {
            Window pending = stream.hasNonNull("pendingFrom")
                    ? new Window(Instant.parse(stream.get("pendingFrom").asText()), Instant.parse(stream.get("pendingTo").asText()))
                    : null;
            Instant completed = stream.hasNonNull("completedUpTo") ? Instant.parse(stream.get("completedUpTo").asText()) : null;
            if (!stream.path("lastId").canConvertToLong()) {
                throw new IllegalArgumentException("lastId is not a number");
            }
            return Optional.of(new Checkpoint(pending, stream.get("lastId").asLong(), completed));
        } catch (RuntimeException e) {
            throw corrupt(tenantId, "its entry " + name + " is invalid (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized void save(String tenantId, String name, Checkpoint checkpoint) {
        ObjectNode all = read(tenantId);
        ObjectNode entry = all.putObject(name);
        checkpoint.pendingWindow().ifPresentOrElse(w -> entry.put("pendingFrom", w.from().toString()).put("pendingTo", w.to().toString()),
                () -> entry.putNull("pendingFrom").putNull("pendingTo"));
        entry.put("lastId", checkpoint.lastId());
        entry.put("completedUpTo", checkpoint.completedUpToTime().map(Instant::toString).orElse(null));
        write(fileOf(tenantId), all);
    }

    private ObjectNode read(String tenantId) {
        Path file = fileOf(tenantId);
        try {
            JsonNode node = MoselleJson.mapper().readTree(Files.readAllBytes(file));
            if (!(node instanceof ObjectNode object)) {
                throw corrupt(tenantId, "it does not hold a JSON object", null);
            }
            return object;
        } catch (NoSuchFileException e) {
            return MoselleJson.mapper().createObjectNode();
        } catch (IOException e) {
            throw corrupt(tenantId, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private CheckpointException corrupt(String tenantId, String problem, Throwable cause) {
        return new CheckpointException("checkpoint file " + fileOf(tenantId) + " of tenant " + tenantId + ": " + problem
                + ". To recover, delete the file: the next run re-reads the tenant's initial history, and upserts by key"
                + " keep the sink free of duplicates.", cause);
    }

    /** Write to a temporary file, force it to disk, then rename it over the target. */
    static void write(Path target, JsonNode content) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                        OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                    out.write(MoselleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
                    out.flush();
                    channel.force(true);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot write checkpoint file " + target + ": " + e.getMessage(), e);
        }
    }
}
