package io.moselle.cin7.client;

/**
 * Root of every exception the Cin7 client throws. Unchecked: callers catch the subtype they can
 * act on. Messages never contain credentials.
 */
public class Cin7Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}, which never holds a secret. */
    public Cin7Exception(String message) {
        super(message);
    }

    /** An exception with {@code message}, which never holds a secret, caused by {@code cause}. */
    public Cin7Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
