package io.moselle.sync;

import io.moselle.mapping.Reason;
import java.util.Objects;

/**
 * A key that no longer qualifies: a sink holding it removes it, one that does not ignores it.
 *
 * @param key the record key (a Long for sales orders, a {@link io.moselle.mapping.ReplenishmentOrder.Key} for replenishment orders)
 * @param reason why, e.g. {@link Reason#VOIDED}
 */
public record Retraction(Object key, Reason reason) {
    public Retraction {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }
}
