package io.moselle.cin7.client;

import java.util.Optional;

/**
 * A Cin7 resource that can be listed and read by id, such as {@code v1/SalesOrders}.
 * Thread-safe.
 *
 * @param <T> the record type
 */
public interface Cin7Resource<T> extends Cin7ListResource<T> {
    /**
     * Reads one record.
     *
     * @return the record, or empty when Cin7 answers 404 or {@code null}
     * @throws Cin7Exception for any other failure
     */
    Optional<T> get(long id);
}
