package io.moselle.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.examples.DurableFiles;
import io.moselle.examples.FileSink;
import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Product;
import io.moselle.sync.CheckpointException;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.CheckpointStore;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.MoselleSink;
import io.moselle.sync.spi.UniformSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records and checkpoints of an output folder in memory: its last state, plus what runs
 * delivered since, each change appended to the journal ({@link Journal}) before it is applied, so
 * that a run killed at any moment keeps what it delivered. It is the engine's sink and checkpoint
 * store for a run into the folder. Thread-safe: the engine's calls and the folder's commit take
 * turns.
 */
final class JournaledState {
    static final String CHECKPOINTS = "checkpoints.json";
    private static final ObjectMapper JSON = MoselleJson.mapper();

    private final Path journalFile;
    private final String tenantId;
    private final CrashPoints crash;
    private final Map<String, Checkpoint> checkpoints = new TreeMap<>();
    private FileSink records = new FileSink();
    private Journal journal;
    private long replayed;

    JournaledState(Path journalFile, String tenantId, CrashPoints crash) {
        this.journalFile = journalFile;
        this.tenantId = tenantId;
        this.crash = crash;
    }

    /** The records: the last state, the journal replayed, and what this run delivered. */
    synchronized FileSink records() {
        return records;
    }

    /** The sink the engine writes to: each call is journaled, then applied. */
    MoselleSink sink() {
        return new UniformSink() {
            @Override
            public <R, K> void write(SyncBatch<R, K> batch) {
                journal(JournalEntries.batch(batch), false, () -> records.accept(batch));
            }

            @Override
            public <R, K> void retainOnly(Snapshot<R, K> snapshot) {
                complete(snapshot);
            }

            @Override
            public void productsComplete(Snapshot<Product, String> snapshot) {
                complete(snapshot);
            }

            private void complete(Snapshot<?, ?> snapshot) {
                journal(JournalEntries.snapshot(snapshot), true, () -> records.accept(snapshot));
            }
        };
    }

    /** The engine's checkpoints: each save is journaled (and forced to disk) after the records it covers. */
    CheckpointStore checkpointStore() {
        return new CheckpointStore() {
            @Override
            public Optional<Checkpoint> load(String tenant, CheckpointKey key) {
                synchronized (JournaledState.this) {
                    return Optional.ofNullable(checkpoints.get(key.name()));
                }
            }

            @Override
            public void save(String tenant, CheckpointKey key, Checkpoint checkpoint, Lease lease) {
                try {
                    synchronized (JournaledState.this) {
                        journal.append(JournalEntries.checkpoint(key.name(), checkpoint), true);
                        checkpoints.put(key.name(), checkpoint);
                    }
                } catch (IOException e) {
                    throw new CheckpointException("cannot write " + journalFile + ": " + OutputFolder.reasonOf(e), e);
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

    /**
     * Reads the records and checkpoints of the committed state in {@code dir}, which the folder
     * {@code out} shows.
     *
     * @throws FolderException when they cannot be read
     */
    synchronized void readState(Path dir, Path out) throws FolderException {
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

    /** Replays the journal of an unfinished run, then goes on appending to it. */
    synchronized void replay() throws IOException {
        JournalEntries.Target target = new JournalEntries.Target() {
            @Override
            public void batch(SyncBatch<?, ?> batch) {
                records.accept(batch);
            }

            @Override
            public void snapshot(Snapshot<?, ?> snapshot) {
                records.accept(snapshot);
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

    /** Starts a new journal over the state {@code base} (null: from nothing), dropping any earlier one. */
    synchronized void startJournal(String base) throws IOException {
        Files.deleteIfExists(journalFile);
        journal = Journal.create(journalFile, header(base), crash);
        replayed = 0;
    }

    /** Writes the records and {@link #CHECKPOINTS} into the new state's folder {@code dir}, each forced to disk. */
    synchronized void writeTo(Path dir) throws IOException {
        records.writeTo(dir);
        ObjectNode all = JSON.createObjectNode();
        checkpoints.forEach((name, checkpoint) -> all.set(name, JournalEntries.checkpoint(name, checkpoint).get("value")));
        DurableFiles.writeNew(dir.resolve(CHECKPOINTS), o -> JSON.writerWithDefaultPrettyPrinter().writeValue(o, all));
    }

    /** The state was committed: the journal's entries are in it now, so the journal is closed and removed. */
    synchronized void dropJournal() throws IOException {
        journal.close();
        Files.delete(journalFile);
        DurableFiles.forceDirectory(journalFile.getParent());
    }

    /** Forces the journal to disk; says whether nothing was ever delivered into it. */
    synchronized boolean close() throws IOException {
        journal.close();
        return replayed == 0 && journal.appended() == 0;
    }

    private void journal(ObjectNode entry, boolean force, Runnable apply) {
        try {
            synchronized (this) {
                journal.append(entry, force);
                apply.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + journalFile + ": " + OutputFolder.reasonOf(e), e);
        }
    }

    private JsonNode header(String base) {
        ObjectNode header = JSON.createObjectNode().put("journal", 1).put("tenant", tenantId);
        return base == null ? header.putNull("base") : header.put("base", base);
    }
}
