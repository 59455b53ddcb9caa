package io.moselle.cin7.client;

import java.io.IOException;

/** The body ended in the middle of its JSON: a transfer cut short, worth another attempt. */
final class TruncatedBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    TruncatedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
