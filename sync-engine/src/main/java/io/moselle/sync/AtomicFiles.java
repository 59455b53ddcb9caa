package io.moselle.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any moment leaves either its old content or its new one,
 * never a mix: the new content goes to a temporary file beside it, which is forced to disk and
 * renamed over the target in one atomic step, and the directory is then forced so the rename
 * itself survives a power cut. Used by {@link FileCheckpointStore}, and by file sinks.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes a file's new content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} with what {@code content} writes, creating its directory if needed.
     *
     * @throws java.nio.file.AtomicMoveNotSupportedException when the file system cannot rename
     *     atomically: there is no fallback that could leave a torn file
     * @throws IOException when anything else fails; {@code target} is then unchanged
     */
    public static void replace(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException e) {
            // Windows cannot open a directory as a file; there the rename is durable when it returns
        }
    }
}
