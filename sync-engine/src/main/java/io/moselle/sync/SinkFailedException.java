package io.moselle.sync;

/** The host's sink threw; wraps what it threw. */
final class SinkFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SinkFailedException(String what, Exception cause) {
        super("the sink failed on " + what + ": " + cause, cause);
    }
}
