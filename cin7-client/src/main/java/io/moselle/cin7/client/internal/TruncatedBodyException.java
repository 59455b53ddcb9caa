package io.moselle.cin7.client.internal;

import java.io.IOException;

/** The body ended in the middle of its JSON: a transfer cut short, worth another attempt. */
public final class TruncatedBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    TruncatedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
