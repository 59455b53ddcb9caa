package io.moselle.sync;

/** A stored checkpoint cannot be read or written. The message says how to recover. */
public class CheckpointException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** An exception saying what cannot be read or written, and how to recover. */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
