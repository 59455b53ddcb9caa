package io.moselle.cin7.client;

import java.util.List;

/**
 * One page of a listing: the records of one request, in the order Cin7 returned them.
 *
 * @param <T> the record type
 */
public final class Page<T> {
    private final ListQuery query;
    private final int number;
    private final List<T> items;

    Page(ListQuery query, int number, List<T> items) {
        this.query = query;
        this.number = number;
        this.items = List.copyOf(items);
    }

    /** The query this page answered: its page number, or its {@code afterId} for keyset paging. */
    public ListQuery query() {
        return query;
    }

    /** The 1-based position of this page in its listing (for keyset paging, the count of requests so far). */
    public int number() {
        return number;
    }

    /** The page's records, in Cin7's order. */
    public List<T> items() {
        return items;
    }

    /** Whether this is the last page: shorter than the rows asked for (Cin7 sends no total). */
    public boolean isLast() {
        return items.size() < query.rows();
    }

    @Override
    public String toString() {
        return "Page{number=" + number + ", items=" + items.size() + ", last=" + isLast() + "}";
    }
}
