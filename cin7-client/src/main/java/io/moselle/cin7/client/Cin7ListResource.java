package io.moselle.cin7.client;

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

    /** Every record, 250 per page, in the resource's default order. */
    default Pager<T> list() {
        return list(ListQuery.all());
    }
}
