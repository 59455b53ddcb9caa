package io.moselle.cin7.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A Cin7 resource that can be listed, such as {@code v1/Stock}. Thread-safe.
 *
 * @param <T> the record type
 */
public interface Cin7ListResource<T> {
    /** The resource path relative to the base URI, e.g. {@code v1/SalesOrders}. */
    String path();

    /**
     * A lazy listing: nothing is sent until it is iterated.
     *
     * @throws IllegalArgumentException if the query pages by keyset on a resource without ids,
     *     or names {@code fields} without {@code id} while paging by keyset
     */
    Pager<T> list(ListQuery query);

    /**
     * The one page {@code query} asks for (its first page, or the page after its
     * {@code afterId}), fetched without holding a thread while the request waits for its slot,
     * for Cin7's answer or for another try: paced, budgeted and retried as {@link #list} is.
     * Reading the body, deciding on another try and completing the future run on
     * {@code executor}; the future fails with the {@link Cin7Exception} a listing would throw.
     *
     * @throws IllegalArgumentException as {@link #list(ListQuery)} does
     */
    CompletableFuture<Page<T>> fetchAsync(ListQuery query, Executor executor);

    /** Every record, 250 per page, in the resource's default order. */
    default Pager<T> list() {
        return list(ListQuery.all());
    }
}
