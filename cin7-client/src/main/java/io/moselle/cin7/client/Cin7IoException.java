package io.moselle.cin7.client;

/**
 * The request failed below HTTP: connect or request timeout, refused or dropped connection, a
 * body cut short. Retried; thrown once the attempts are spent.
 */
public class Cin7IoException extends Cin7Exception {
    private static final long serialVersionUID = 1L;

    public Cin7IoException(String message, Throwable cause) {
        super(message, cause);
    }
}
