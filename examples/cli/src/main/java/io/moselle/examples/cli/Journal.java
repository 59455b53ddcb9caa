package io.moselle.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moselle.examples.DurableFiles;
import io.moselle.mapping.MoselleJson;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * An append-only log of what a run delivered since the folder's last complete state: one JSON
 * object per line, each prefixed with its CRC-32 ({@code 1a2b3c4d {...}}). The first line is
 * a header naming the state the entries apply to.
 *
 * <p>A process killed while appending leaves at most one torn line at the end. Replay reads the
 * longest prefix of whole, intact lines and stops at the first that is not: every prefix is a
 * consistent state, because a checkpoint is logged after the records it covers. Appending then
 * continues after that prefix.
 */
final class Journal implements Closeable {
    private static final ObjectMapper JSON = MoselleJson.mapper();

    /**
     * A stream, not a {@code FileChannel}: a channel is closed for good when a thread writing to
     * it is interrupted, and stopping a run interrupts the threads that deliver its pages.
     */
    private final FileOutputStream out;
    private final CrashPoints crash;
    private long appended;

    private Journal(FileOutputStream out, CrashPoints crash) {
        this.out = out;
        this.crash = crash;
    }

    /** What a replay found: the header, and how many bytes and entries of the file are intact. */
    record Replayed(JsonNode header, long intactBytes, long entries) {}

    /** Creates a journal holding only {@code header}, forced to disk with its directory entry. */
    static Journal create(Path file, JsonNode header, CrashPoints crash) throws IOException {
        Files.createFile(file);
        Journal journal = new Journal(new FileOutputStream(file.toFile(), true), crash);
        journal.write(header);
        journal.out.getFD().sync();
        DurableFiles.forceDirectory(file.toAbsolutePath().getParent());
        return journal;
    }

    /** Reopens {@code file} to append after its intact prefix, dropping a torn end. */
    static Journal continueAfter(Path file, Replayed replayed, CrashPoints crash) throws IOException {
        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
            cut.setLength(replayed.intactBytes());
            cut.getFD().sync();
        }
        return new Journal(new FileOutputStream(file.toFile(), true), crash);
    }

    /**
     * Reads the header of {@code file} and hands each intact entry after it to {@code entries}.
     *
     * @return empty when not even the header is intact
     */
    static Optional<Replayed> replay(Path file, Consumer<JsonNode> entries) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            JsonNode header = readLine(in, line);
            if (header == null) {
                return Optional.empty();
            }
            long intact = line.size() + 1;
            long count = 0;
            for (JsonNode entry = readLine(in, line); entry != null; entry = readLine(in, line)) {
                entries.accept(entry);
                intact += line.size() + 1;
                count++;
            }
            return Optional.of(new Replayed(header, intact, count));
        }
    }

    /** The header of {@code file}; empty when there is no such file or its header is torn. */
    static Optional<JsonNode> header(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return Optional.ofNullable(readLine(in, new ByteArrayOutputStream()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The entry of the next line, or null when it is missing, torn or damaged; {@code line} holds its bytes. */
    private static JsonNode readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return b == -1 ? null : parse(line.toByteArray()); // no newline: torn, or nothing left
    }

    /** Appends one entry; with {@code force}, it and every entry before it are on disk when this returns. */
    void append(JsonNode entry, boolean force) throws IOException {
        write(entry);
        appended++;
        if (force) {
            out.getFD().sync();
        }
    }

    /** Entries appended by this process. */
    long appended() {
        return appended;
    }

    private void write(JsonNode entry) throws IOException {
        byte[] json = JSON.writeValueAsBytes(entry);
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] prefix = (HexFormat.of().toHexDigits((int) crc.getValue()) + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[prefix.length + json.length + 1];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        System.arraycopy(json, 0, line, prefix.length, json.length);
        line[line.length - 1] = '\n';
        out.write(line, 0, line.length / 2);
        crash.reached(CrashPoints.Step.JOURNAL_LINE_HALF_WRITTEN);
        out.write(line, line.length / 2, line.length - line.length / 2);
    }

    /** The entry of an intact line, or null. */
    private static JsonNode parse(byte[] line) {
        if (line.length < 10 || line[8] != ' ') {
            return null;
        }
        long expected;
        try {
            expected = Long.parseLong(new String(line, 0, 8, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(line, 9, line.length - 9);
        if (crc.getValue() != expected) {
            return null;
        }
        try {
            return JSON.readTree(line, 9, line.length - 9);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.getFD().sync();
        } finally {
            out.close();
        }
    }
}
