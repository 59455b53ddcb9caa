package io.moselle.sync;

import io.moselle.mapping.Reason;
import java.util.Objects;

/**
 * A key that no longer qualifies: a sink holding it removes it, one that does not ignores it.
 *
 * @param key the record's key, of its {@link RecordType}'s key type
 * @param reason why, e.g. {@link Reason#VOIDED}
 * @param <K> the key type
 */
public record Retraction<K>(K key, Reason reason) {
    /** A retraction; both components are required. */
    public Retraction {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }
}
