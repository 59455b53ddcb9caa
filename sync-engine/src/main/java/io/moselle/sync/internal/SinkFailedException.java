package io.moselle.sync.internal;

/** The host's sink threw; wraps what it threw. */
public final class SinkFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private SinkFailedException(String what, Exception cause) {
        super("the sink failed on " + what + ": " + cause, cause);
    }

    /** What the sink threw on {@code what}; an interrupt stays set on the thread. */
    public static SinkFailedException of(String what, Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new SinkFailedException(what, cause);
    }
}
