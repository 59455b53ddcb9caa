package io.moselle.sync.postgres;

import io.moselle.sync.StoreException;

/** The database behind a store cannot be reached or refused a statement. The message says which store and why. */
public class JdbcStoreException extends StoreException {
    private static final long serialVersionUID = 1L;

    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
