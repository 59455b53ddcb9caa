package io.moselle.examples.cli;

import io.moselle.examples.DurableFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where an output folder's states live, and the link that shows one of them: {@code DIR} is a
 * symbolic link to {@code .DIR.sync/state-NNNNNN}, switched to a new state in one atomic rename.
 * {@code .DIR.sync} also holds the journal and the lock that keeps a second process out.
 */
final class StateDirectory {
    static final String JOURNAL = "journal.jsonl";
    private static final String LOCK = "lock";
    private static final Pattern STATE = Pattern.compile("state-(\\d{6})");

    private final Path out;
    private final Path dir;

    private StateDirectory(Path out) {
        this.out = out;
        this.dir = out.resolveSibling("." + out.getFileName() + ".sync");
    }

    /** The state directory of the output folder {@code out}, an absolute path. */
    static StateDirectory of(Path out) {
        return new StateDirectory(out);
    }

    /** The output folder: the link. */
    Path out() {
        return out;
    }

    /** {@code .DIR.sync}. */
    Path path() {
        return dir;
    }

    Path journal() {
        return dir.resolve(JOURNAL);
    }

    Path state(String name) {
        return dir.resolve(name);
    }

    /** Creates {@code .DIR.sync} if needed. */
    void create() throws FolderException {
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            throw new FolderException("cannot write " + dir.getParent() + ": permission denied");
        } catch (IOException e) {
            throw new FolderException("cannot create " + dir + ": " + OutputFolder.reasonOf(e));
        }
    }

    /**
     * Takes the folder's lock: released when the channel closes, or the process ends.
     *
     * @throws FolderException when another process holds it
     */
    FileChannel lock() throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new FolderException("cannot write " + dir + ": permission denied");
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

    /** The state the link shows, or null for a new folder; refuses what is not an output folder. */
    String linkedState() throws IOException {
        if (Files.isSymbolicLink(out)) {
            Path target = Files.readSymbolicLink(out);
            Matcher m = target.getNameCount() == 2 ? STATE.matcher(target.getFileName().toString()) : null;
            if (m == null || !m.matches() || !target.getName(0).toString().equals(dir.getFileName().toString())) {
                throw new FolderException(out + " is a link to " + target + ", not an output folder of cin7-omni-sync: choose another --out");
            }
            if (!Files.isDirectory(out)) {
                throw new FolderException(out + " shows " + dir.resolve(target.getFileName()) + ", which is missing: delete the"
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

    /** Commits create a link beside the folder and rename it: find out now, before any call, if that is possible. */
    void checkLinksCanBeSwitched() throws IOException {
        Path probe = nextLink();
        try {
            Files.deleteIfExists(probe);
            Files.createSymbolicLink(probe, Path.of(dir.getFileName().toString()));
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new FolderException("cannot write " + out.getParent() + ": permission denied");
        } catch (UnsupportedOperationException | FileSystemException e) {
            throw new FolderException("cannot create a symbolic link in " + out.getParent() + " (" + OutputFolder.reasonOf(e)
                    + "): the output folder is a link switched in one step to each new state; choose a folder on a file system with"
                    + " symbolic links");
        }
    }

    /** Whether states of earlier runs are here. */
    boolean hasStates() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> STATE.matcher(p.getFileName().toString()).matches());
        }
    }

    /** The name of a state after every state here. */
    String nextStateName() throws IOException {
        int highest = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Matcher m = STATE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return String.format("state-%06d", highest + 1);
    }

    /** Switches the link to {@code state} in one atomic rename, forced to disk. */
    void switchTo(String state) throws IOException {
        Path link = nextLink();
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(dir.getFileName().toString(), state));
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(out); // an empty folder the user created (checked at open): nothing in it to tear
        }
        Files.move(link, out, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.forceDirectory(out.getParent());
    }

    /** Removes what no state needs: states other than {@code current}, a half-written one, a link never switched. */
    void removeAllBut(String current) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals(LOCK) && !name.equals(JOURNAL) && !name.equals(current)) {
                    deleteTree(entry);
                }
            }
        }
        Files.deleteIfExists(nextLink());
    }

    /** Removes a state no longer shown. */
    void delete(String state) throws IOException {
        deleteTree(dir.resolve(state));
    }

    /** Removes the directory when nothing was ever kept in it: a folder never synced leaves no trace. */
    void removeIfUnused() throws IOException {
        Files.deleteIfExists(dir.resolve(LOCK));
        Files.deleteIfExists(dir);
    }

    /** Where the next link is made before it is renamed over the folder: beside it, on the same file system. */
    private Path nextLink() {
        return out.resolveSibling("." + out.getFileName() + ".next");
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
}
