package io.moselle.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.moselle.examples.DurableFiles;
import io.moselle.examples.FileSink;
import io.moselle.sync.SyncReport;
import io.moselle.sync.spi.CheckpointStore;
import io.moselle.sync.spi.MoselleSink;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    static final String CHECKPOINTS = JournaledState.CHECKPOINTS;
    static final String REPORT = "sync-report.json";
    static final String JOURNAL = StateDirectory.JOURNAL;

    private final Path out;
    private final StateDirectory states;
    private final JournaledState state;
    private final String tenantId;
    private final CrashPoints crash;
    private final FileChannel lockFile;
    /** The state the folder shows, or null before the first commit. */
    private String current;

    private OutputFolder(StateDirectory states, String tenantId, CrashPoints crash, FileChannel lockFile) {
        this.out = states.out();
        this.states = states;
        this.state = new JournaledState(states.journal(), tenantId, crash);
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
        StateDirectory states = StateDirectory.of(absolute);
        String current = states.linkedState();
        states.create();
        FileChannel lockFile = states.lock();
        OutputFolder folder = new OutputFolder(states, tenantId, crash, lockFile);
        try {
            states.checkLinksCanBeSwitched();
            folder.load(current, reset);
            return folder;
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    /** The records: the last state, the journal replayed, and what this run delivered. */
    FileSink records() {
        return state.records();
    }

    /** The sink the engine writes to: each call is journaled, then applied. */
    MoselleSink sink() {
        return state.sink();
    }

    /** The engine's checkpoints: each save is journaled (and forced to disk) after the records it covers. */
    CheckpointStore checkpoints() {
        return state.checkpointStore();
    }

    /** Entries of an interrupted run replayed at open, plus those journaled since. */
    long uncommittedEntries() {
        return state.uncommittedEntries();
    }

    /** Entries replayed at open: what an interrupted run had delivered. */
    long replayedEntries() {
        return state.replayedEntries();
    }

    Path path() {
        return out;
    }

    /** Where the journal and the states live. */
    Path stateDir() {
        return states.path();
    }

    /**
     * Writes the current records, checkpoints and {@code report} as a new state and switches the
     * folder to it in one step; then the journal starts again from it.
     */
    synchronized void commit(SyncReport report) throws IOException {
        String next = states.nextStateName();
        Path dir = states.state(next);
        Files.createDirectory(dir);
        state.writeTo(dir);
        DurableFiles.writeNew(dir.resolve(REPORT), o -> o.write((report.toJson() + "\n").getBytes(StandardCharsets.UTF_8)));
        crash.reached(CrashPoints.Step.COMMIT_FILES_WRITTEN);
        List<String> files = new ArrayList<>(FileSink.FILES);
        files.add(CHECKPOINTS);
        files.add(REPORT);
        Manifest.write(dir, tenantId, files);
        DurableFiles.forceDirectory(dir);
        DurableFiles.forceDirectory(states.path());
        crash.reached(CrashPoints.Step.COMMIT_STATE_WRITTEN);

        states.switchTo(next);
        crash.reached(CrashPoints.Step.COMMIT_SWITCHED);

        String previous = current;
        current = next;
        state.dropJournal();
        crash.reached(CrashPoints.Step.COMMIT_JOURNAL_REMOVED);
        if (previous != null) {
            states.delete(previous);
        }
        state.startJournal(current);
    }

    /** Forces the journal to disk and lets another process open the folder. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (state.close() && current == null) {
                Files.delete(states.journal()); // nothing was ever delivered here: leave no trace
                states.removeIfUnused();
            }
        } finally {
            lockFile.close();
        }
    }

    private void load(String linked, boolean reset) throws IOException {
        Optional<JsonNode> header = reset ? Optional.empty() : Journal.header(states.journal());
        if (header.isPresent() && !tenantId.equals(header.get().path("tenant").asText())) {
            throw wrongTenant(header.get().path("tenant").asText());
        }
        boolean fromNothing = header.map(h -> h.path("base").isNull()).orElse(false);
        boolean continuing = fromNothing || header.map(h -> h.path("base").asText().equals(linked)).orElse(false);
        fromNothing |= reset;
        if (linked == null && !fromNothing && states.hasStates()) {
            throw new FolderException(out + " is missing, but " + states.path() + " holds the state of earlier runs: restore the link, or run"
                    + " again with --reset to start afresh");
        }
        current = linked;
        if (linked != null) {
            Path dir = states.state(linked);
            // starting from nothing (a reset) is how a damaged state is recovered: then only its owner is checked
            String owner = fromNothing ? Manifest.tenantOf(dir, out).orElse(tenantId) : Manifest.verify(dir, out);
            if (!owner.equals(tenantId)) {
                throw wrongTenant(owner);
            }
            if (!fromNothing) {
                state.readState(dir, out);
            }
        }
        states.removeAllBut(current);
        if (continuing) {
            state.replay();
        } else {
            state.startJournal(fromNothing ? null : linked); // a reset, or a journal of a state committed since: dropped
        }
    }

    private FolderException wrongTenant(String owner) {
        return new FolderException(out + " holds the data of tenant '" + owner + "', not '" + tenantId + "': pass --tenant " + owner
                + ", or choose another --out");
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
