package io.moselle.sync;

/**
 * The root of every exception the engine throws of its own: catch this to catch them all.
 * {@link SyncAlreadyRunningException} from {@code run}, {@link SyncFailedException} from
 * {@link SyncReport#throwIfFailed()}, and, from the stores a host plugs in, {@link StoreException}
 * (with {@link CheckpointException}), {@link LeaseHeldException} and {@link LeaseLostException}.
 * Runs themselves never throw for a Cin7, sink or store failure: their report says what failed.
 */
public class SyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public SyncException(String message) {
        super(message);
    }

    /** An exception with {@code message}, caused by {@code cause}. */
    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
