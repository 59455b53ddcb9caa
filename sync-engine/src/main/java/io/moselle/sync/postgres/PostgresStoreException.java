package io.moselle.sync.postgres;

import io.moselle.sync.StoreException;

/** The database behind a store cannot be reached or refused a statement. The message says which store and why. */
public class PostgresStoreException extends StoreException {
    private static final long serialVersionUID = 1L;

    public PostgresStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
