package io.moselle.sync.internal;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Replaces a file so that a crash at any moment leaves either its old content or its new one,
 * never a mix: the new content goes to a temporary file beside it, which is forced to disk and
 * renamed over the target in one atomic step, and the directory is then forced so the rename
 * itself survives a power cut. Used by {@link FileCheckpointStore}, and by file sinks.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

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
        // not Files.createTempFile: its files are private (0600); the new file gets the umask's permissions, as the old one did
        Path temp = directory.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            writeNew(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes a new file, forced to disk before this returns. It gets the permissions of the
     * user's umask.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists
     */
    public static void writeNew(Path file, Content content) throws IOException {
        Files.createFile(file);
        // a stream, not a FileChannel: a channel is closed for good when its thread is interrupted, as stopping a run does
        try (FileOutputStream stream = new FileOutputStream(file.toFile())) {
            // content may close the stream it is given (Jackson does): the file must stay open to be forced
            OutputStream out = new FilterOutputStream(stream) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    this.out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            content.writeTo(out);
            out.flush();
            stream.getFD().sync();
        }
    }

    /** Forces a directory's entries (files created, renamed or deleted in it) to disk. */
    public static void forceDirectory(Path directory) throws IOException {
        // a directory can only be forced through a channel, which an interrupt would close first: the flag waits until it is done
        boolean interrupted = Thread.interrupted();
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException e) {
            // Windows cannot open a directory as a file; there the rename is durable when it returns
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
