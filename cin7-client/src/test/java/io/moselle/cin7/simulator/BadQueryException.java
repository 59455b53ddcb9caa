package io.moselle.cin7.simulator;

/** A query the simulator refuses with 400 and {@code {"message": ...}}, as Cin7 does. */
final class BadQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadQueryException(String message) {
        super(message);
    }
}
