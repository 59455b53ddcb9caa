package io.moselle.examples.cli;

import java.io.IOException;
import java.nio.file.Path;

/** An output folder the command line cannot use as it is; the message says why and what to do. Exit code 2. */
final class FolderException extends IOException {
    private static final long serialVersionUID = 1L;

    FolderException(String message) {
        super(message);
    }

    /** A file of the folder's last complete state is not as it was written. */
    static FolderException damaged(Path file, String problem) {
        return new FolderException(file + " " + problem + ": the folder no longer matches its checkpoints. Restore the file,"
                + " or run again with --reset to re-read the whole history (the folder keeps its files until that run completes)");
    }
}
