package io.moselle.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.examples.FileSink;
import io.moselle.mapping.MoselleJson;
import io.moselle.examples.DurableFiles;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.CheckpointException;
import io.moselle.sync.spi.CheckpointStore;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.MoselleSink;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.SyncReport;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder {@code sync --out DIR} writes: never torn, and no delivered page lost.
 *
 * <p>{@code DIR} is a symbolic link to a complete state, {@code .DIR.sync/state-NNNNNN/}: the data
 * files, {@code checkpoints.json}, {@code sync-report.json} and a {@link Manifest}. During a run,
 * every batch, snapshot and checkpoint the engine hands over is appended to
 * {@code .DIR.sync/journal.jsonl} (see {@link Journal}) before it is applied in memory, so a run
 * killed at any moment keeps what it delivered: the next one replays the journal and continues.
 * At the end of a run, {@link #commit} writes the new state beside the old one and switches the
 * link in one atomic rename: a reader resolving {@code DIR} sees the previous state or the new
 * one, never a mix. Leftovers of a process killed during a commit are removed by the next open.
 */
final class OutputFolder implements Closeable {
    static final String CHECKPOINTS = "checkpoints.json";
    static final String REPORT = "sync-report.json";
    static final String JOURNAL = "journal.jsonl";
    private static final String LOCK = "lock";
    private static final Pattern STATE = Pattern.compile("state-(\\d{6})");
    private static final ObjectMapper JSON = MoselleJson.mapper();

    private final Path out;
    private final Path stateDir;
    private final String tenantId;
    private final CrashPoints crash;
    private final FileChannel lockFile;
    private final Map<String, Checkpoint> checkpoints = new TreeMap<>();
    private FileSink records = new FileSink();
    private String current;
    private Journal journal;
    private long replayed;

    private OutputFolder(Path out, String tenantId, CrashPoints crash, FileChannel lockFile) {
        this.out = out;
        this.stateDir = stateDirOf(out);
        this.tenantId = tenantId;
        this.crash = crash;
        this.lockFile = lockFile;
    }

    static OutputFolder open(Path out, String tenantId, boolean reset) throws IOException {
        return open(out, tenantId, reset, CrashPoints.NONE);
    }

    /**
     * Opens {@code out} for one tenant, checks it before any call to Cin7, removes what a killed
     * run left, and replays the journal of an unfinished run.
     *
     * @param reset start from nothing, whatever the folder holds (it keeps its files until the
     *     next commit)
     * @throws FolderException when the folder cannot be used, saying why and what to do
     */
    static OutputFolder open(Path out, String tenantId, boolean reset, CrashPoints crash) throws IOException {
        Path absolute = out.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new FolderException("--out cannot be the root folder");
        }
        String current = currentState(absolute);
        Path stateDir = stateDirOf(absolute);
        try {
            Files.createDirectories(stateDir);
        } catch (AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            throw new FolderException("cannot write " + stateDir.getParent() + ": permission denied");
        } catch (FileSystemException e) {
            throw new FolderException("cannot create " + stateDir + ": " + reasonOf(e));
        }
        FileChannel lockFile = lock(absolute, stateDir);
        OutputFolder folder = new OutputFolder(absolute, tenantId, crash, lockFile);
        try {
            folder.checkLinksCanBeSwitched();
            folder.load(current, reset);
            return folder;
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    /** The records: the last state, the journal replayed, and what this run delivered. */
    synchronized FileSink records() {
        return records;
    }

    /** The sink the engine writes to: each call is journaled, then applied. */
    MoselleSink sink() {
        return new MoselleSink() {
            @Override
            public void write(SyncBatch<?, ?> batch) {
                journal(JournalEntries.batch(batch), false, () -> records.write(batch));
            }

            @Override
            public void snapshotComplete(Snapshot<?, ?> snapshot) {
                journal(JournalEntries.snapshot(snapshot), true, () -> records.snapshotComplete(snapshot));
            }
        };
    }

    /** The engine's checkpoints: each save is journaled (and forced to disk) after the records it covers. */
    CheckpointStore checkpoints() {
        return new CheckpointStore() {
            @Override
            public Optional<Checkpoint> load(String tenant, String name) {
                synchronized (OutputFolder.this) {
                    return Optional.ofNullable(checkpoints.get(name));
                }
            }

            @Override
            public void save(String tenant, String name, Checkpoint checkpoint, Lease lease) {
                try {
                    synchronized (OutputFolder.this) {
                        journal.append(JournalEntries.checkpoint(name, checkpoint), true);
                        checkpoints.put(name, checkpoint);
                    }
                } catch (IOException e) {
                    throw new CheckpointException("cannot write " + stateDir.resolve(JOURNAL) + ": " + reasonOf(e), e);
                }
            }
        };
    }

    /** Entries of an interrupted run replayed at open, plus those journaled since. */
    synchronized long uncommittedEntries() {
        return replayed + journal.appended();
    }

    /** Entries replayed at open: what an interrupted run had delivered. */
    synchronized long replayedEntries() {
        return replayed;
    }

    Path path() {
        return out;
    }

    /** Where the journal and the states live. */
    Path stateDir() {
        return stateDir;
    }

    /**
     * Writes the current records, checkpoints and {@code report} as a new state and switches the
     * folder to it in one step; then the journal starts again from it.
     */
    synchronized void commit(SyncReport report) throws IOException {
        String next = nextStateName();
        Path dir = stateDir.resolve(next);
        Files.createDirectory(dir);
        records.writeTo(dir);
        DurableFiles.writeNew(dir.resolve(CHECKPOINTS), o -> JSON.writerWithDefaultPrettyPrinter().writeValue(o, checkpointsJson()));
        DurableFiles.writeNew(dir.resolve(REPORT), o -> o.write((report.toJson() + "\n").getBytes(StandardCharsets.UTF_8)));
        crash.reached(CrashPoints.Step.COMMIT_FILES_WRITTEN);
        List<String> files = new ArrayList<>(FileSink.FILES);
        files.add(CHECKPOINTS);
        files.add(REPORT);
        Manifest.write(dir, tenantId, files);
        DurableFiles.forceDirectory(dir);
        DurableFiles.forceDirectory(stateDir);
        crash.reached(CrashPoints.Step.COMMIT_STATE_WRITTEN);

        Path link = nextLink();
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(stateDir.getFileName().toString(), next));
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(out); // an empty folder the user created (checked at open): nothing in it to tear
        }
        Files.move(link, out, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.forceDirectory(out.getParent());
        crash.reached(CrashPoints.Step.COMMIT_SWITCHED);

        String previous = current;
        current = next;
        journal.close();
        Files.delete(stateDir.resolve(JOURNAL));
        DurableFiles.forceDirectory(stateDir);
        crash.reached(CrashPoints.Step.COMMIT_JOURNAL_REMOVED);
        if (previous != null) {
            deleteTree(stateDir.resolve(previous));
        }
        journal = Journal.create(stateDir.resolve(JOURNAL), header(current), crash);
        replayed = 0;
    }

    /** Forces the journal to disk and lets another process open the folder. */
    @Override
    public synchronized void close() throws IOException {
        try {
            journal.close();
            if (current == null && replayed == 0 && journal.appended() == 0) {
                Files.delete(stateDir.resolve(JOURNAL)); // nothing was ever delivered here: leave no trace
                Files.deleteIfExists(stateDir.resolve(LOCK));
                Files.deleteIfExists(stateDir);
            }
        } finally {
            lockFile.close();
        }
    }

    private void journal(ObjectNode entry, boolean force, Runnable apply) {
        try {
            synchronized (this) {
                journal.append(entry, force);
                apply.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateDir.resolve(JOURNAL) + ": " + reasonOf(e), e);
        }
    }

    private void load(String linked, boolean reset) throws IOException {
        Path journalFile = stateDir.resolve(JOURNAL);
        Optional<JsonNode> header = reset ? Optional.empty() : Journal.header(journalFile);
        if (header.isPresent() && !tenantId.equals(header.get().path("tenant").asText())) {
            throw wrongTenant(header.get().path("tenant").asText());
        }
        boolean fromNothing = header.map(h -> h.path("base").isNull()).orElse(false);
        boolean continuing = fromNothing || header.map(h -> h.path("base").asText().equals(linked)).orElse(false);
        fromNothing |= reset;
        if (linked == null && !fromNothing && hasStates()) {
            throw new FolderException(out + " is missing, but " + stateDir + " holds the state of earlier runs: restore the link, or run"
                    + " again with --reset to start afresh");
        }
        current = linked;
        if (linked != null) {
            Path dir = stateDir.resolve(linked);
            // starting from nothing (a reset) is how a damaged state is recovered: then only its owner is checked
            String owner = fromNothing ? Manifest.tenantOf(dir, out).orElse(tenantId) : Manifest.verify(dir, out);
            if (!owner.equals(tenantId)) {
                throw wrongTenant(owner);
            }
            if (!fromNothing) {
                readState(dir);
            }
        }
        removeLeftovers();
        if (continuing) {
            replay(journalFile);
        } else {
            Files.deleteIfExists(journalFile); // a reset, or the journal of a state committed since
            journal = Journal.create(journalFile, header(fromNothing ? null : linked), crash);
        }
    }

    private void replay(Path journalFile) throws IOException {
        JournalEntries.Target target = new JournalEntries.Target() {
            @Override
            public void batch(SyncBatch<?, ?> batch) {
                records.write(batch);
            }

            @Override
            public void snapshot(Snapshot<?, ?> snapshot) {
                records.snapshotComplete(snapshot);
            }

            @Override
            public void checkpoint(String name, Checkpoint checkpoint) {
                checkpoints.put(name, checkpoint);
            }
        };
        Journal.Replayed replay;
        try {
            replay = Journal.replay(journalFile, entry -> {
                try {
                    JournalEntries.replay(entry, tenantId, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElseThrow();
        } catch (UncheckedIOException e) {
            throw new FolderException(journalFile + ": " + e.getCause().getMessage() + ". Run again with --reset to re-read the whole"
                    + " history");
        }
        replayed = replay.entries();
        journal = Journal.continueAfter(journalFile, replay, crash);
    }

    private void readState(Path dir) throws IOException {
        try {
            records = FileSink.readFrom(dir);
            JsonNode saved = JSON.readTree(dir.resolve(CHECKPOINTS).toFile());
            for (var it = saved.fields(); it.hasNext(); ) {
                var entry = it.next();
                checkpoints.put(entry.getKey(), Checkpoint.fromJson(entry.getValue().toString()));
            }
        } catch (IOException | RuntimeException e) {
            throw FolderException.damaged(out.resolve(CHECKPOINTS), "cannot be read (" + e.getMessage() + ")");
        }
    }

    private ObjectNode checkpointsJson() {
        ObjectNode all = JSON.createObjectNode();
        checkpoints.forEach((name, checkpoint) -> all.set(name, JournalEntries.checkpoint(name, checkpoint).get("value")));
        return all;
    }

    private JsonNode header(String base) {
        ObjectNode header = JSON.createObjectNode().put("journal", 1).put("tenant", tenantId);
        return base == null ? header.putNull("base") : header.put("base", base);
    }

    private FolderException wrongTenant(String owner) {
        return new FolderException(out + " holds the data of tenant '" + owner + "', not '" + tenantId + "': pass --tenant " + owner
                + ", or choose another --out");
    }

    /** Removes what no state needs: older states, a half-written one, a link never switched. */
    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(stateDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals(LOCK) && !name.equals(JOURNAL) && !name.equals(current)) {
                    deleteTree(entry);
                }
            }
        }
        Files.deleteIfExists(nextLink());
    }

    private boolean hasStates() throws IOException {
        try (Stream<Path> entries = Files.list(stateDir)) {
            return entries.anyMatch(p -> STATE.matcher(p.getFileName().toString()).matches());
        }
    }

    private String nextStateName() throws IOException {
        int highest = 0;
        try (Stream<Path> entries = Files.list(stateDir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Matcher m = STATE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return String.format("state-%06d", highest + 1);
    }

    /** Where the next link is made before it is renamed over {@code out}: beside it, on the same file system. */
    private Path nextLink() {
        return out.resolveSibling("." + out.getFileName() + ".next");
    }

    /** Commits create a link beside {@code out} and rename it: find out now, before any call, if that is possible. */
    private void checkLinksCanBeSwitched() throws IOException {
        Path probe = nextLink();
        try {
            Files.deleteIfExists(probe);
            Files.createSymbolicLink(probe, Path.of(stateDir.getFileName().toString()));
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new FolderException("cannot write " + out.getParent() + ": permission denied");
        } catch (UnsupportedOperationException | FileSystemException e) {
            throw new FolderException("cannot create a symbolic link in " + out.getParent() + " (" + reasonOf(e) + "): the output folder"
                    + " is a link switched in one step to each new state; choose a folder on a file system with symbolic links");
        }
    }

    /** The state {@code out} shows, or null for a new folder; refuses what is not an output folder. */
    private static String currentState(Path out) throws IOException {
        if (Files.isSymbolicLink(out)) {
            Path target = Files.readSymbolicLink(out);
            Matcher m = target.getNameCount() == 2 ? STATE.matcher(target.getFileName().toString()) : null;
            if (m == null || !m.matches() || !target.getName(0).toString().equals(stateDirOf(out).getFileName().toString())) {
                throw new FolderException(out + " is a link to " + target + ", not an output folder of cin7-omni-sync: choose another --out");
            }
            if (!Files.isDirectory(out)) {
                throw new FolderException(out + " shows " + stateDirOf(out).resolve(target.getFileName()) + ", which is missing: delete the"
                        + " link " + out + " and run again to start afresh");
            }
            return target.getFileName().toString();
        }
        if (Files.isRegularFile(out)) {
            throw new FolderException(out + " is a file, not a folder: choose another --out");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                List<String> names = entries.map(p -> p.getFileName().toString()).toList();
                if (names.contains("sync-report.json") || names.contains("checkpoints")) {
                    throw new FolderException(out + " was written by an earlier version of cin7-omni-sync, which could tear it: move it"
                            + " away and run again (the first run re-reads the history)");
                }
                if (!names.isEmpty()) {
                    throw new FolderException(out + " is a folder with other files in it: choose a new or empty folder for --out");
                }
            } catch (AccessDeniedException e) {
                throw new FolderException("cannot read " + out + ": permission denied");
            }
        }
        return null;
    }

    private static FileChannel lock(Path out, Path stateDir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(stateDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new FolderException("cannot write " + stateDir + ": permission denied");
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by this very process
        }
        channel.close();
        throw new FolderException("another cin7-omni-sync is writing " + out + ": wait for it to end");
    }

    private static Path stateDirOf(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".sync");
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.isSymbolicLink(root) || !Files.isDirectory(root)) {
            Files.deleteIfExists(root);
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    /** "permission denied", "no space left on device"...: what the operating system said, without the path it repeats. */
    static String reasonOf(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }
}
