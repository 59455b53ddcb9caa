package io.moselle.sync.postgres;

import io.moselle.sync.StoreException;

/** The database behind a store cannot be reached or refused a statement. The message says which store and why. */
public class PostgresStoreException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** An exception naming the statement's purpose and what the database said. */
    public PostgresStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
