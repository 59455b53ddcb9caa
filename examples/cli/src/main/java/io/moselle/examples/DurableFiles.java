package io.moselle.examples;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Files that survive a crash once written: new files forced to disk before they count, and
 * directories forced so that the files created or renamed in them stay.
 */
public final class DurableFiles {
    private DurableFiles() {}

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a new file, forced to disk before this returns.
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
