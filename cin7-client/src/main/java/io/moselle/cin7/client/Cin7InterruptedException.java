package io.moselle.cin7.client;

/**
 * The calling thread was interrupted while waiting for the rate limiter, a retry or a reply.
 * The thread's interrupt flag is set again before this is thrown.
 */
public class Cin7InterruptedException extends Cin7Exception {
    private static final long serialVersionUID = 1L;

    /** The thread was interrupted while it waited for {@code cause}'s request; the interrupt stays set. */
    public Cin7InterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
