package io.moselle.cin7.client;

/**
 * The request failed below HTTP: a connect or request timeout, a dropped connection or a body
 * cut short (retried; thrown once the attempts are spent), or an unknown host or a refused
 * connection (thrown at once: a setting to fix). The message names the host and the cause.
 */
public class Cin7IoException extends Cin7Exception {
    private static final long serialVersionUID = 1L;

    /** No answer came: a timeout, a refused connection or a dropped one, as {@code message} says. */
    public Cin7IoException(String message, Throwable cause) {
        super(message, cause);
    }
}
