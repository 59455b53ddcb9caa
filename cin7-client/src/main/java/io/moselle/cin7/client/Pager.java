package io.moselle.cin7.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing: iterating it fetches one page at a time, the next one only when the previous
 * one is used up, so at most one page is held in memory. The listing ends at the first page
 * shorter than the page size, which costs one extra (empty) request when the count of records
 * is a multiple of the page size.
 *
 * <p>Each call to {@link #iterator()}, {@link #pages()} or {@link #stream()} starts a new scan
 * from the first page. Iterators are not thread-safe; the pager itself is immutable. A failed
 * request throws the client's {@link Cin7Exception} from {@code next()}/{@code hasNext()}.
 *
 * @param <T> the record type
 */
public final class Pager<T> implements Iterable<T> {
    private final ListQuery query;
    private final Function<ListQuery, List<T>> fetch;
    private final ToLongFunction<T> idOf;

    /**
     * @param query the first request
     * @param fetch reads the records of one request
     * @param idOf the id of a record, for keyset paging; null when the resource has no id
     */
    Pager(ListQuery query, Function<ListQuery, List<T>> fetch, ToLongFunction<T> idOf) {
        this.query = Objects.requireNonNull(query, "query");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.idOf = idOf;
        if (query.isKeyset() && idOf == null) {
            throw new IllegalArgumentException("afterId: this resource has no id, so it cannot be paged by keyset");
        }
    }

    /** The pages, fetched lazily one at a time. */
    public Iterable<Page<T>> pages() {
        return PageIterator::new;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private final PageIterator pages = new PageIterator();
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pages.hasNext()) {
                    current = pages.next().items().iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The records as a sequential stream; pages are fetched as the stream is consumed. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private final class PageIterator implements Iterator<Page<T>> {
        private ListQuery nextQuery = query;
        private int number;

        @Override
        public boolean hasNext() {
            return nextQuery != null;
        }

        @Override
        public Page<T> next() {
            if (nextQuery == null) {
                throw new NoSuchElementException();
            }
            ListQuery q = nextQuery;
            Page<T> page = new Page<>(q, ++number, fetch.apply(q));
            nextQuery = page.isLast() ? null : following(q, page);
            return page;
        }

        private ListQuery following(ListQuery q, Page<T> page) {
            if (q.isKeyset()) {
                List<T> items = page.items();
                return q.withAfterId(idOf.applyAsLong(items.get(items.size() - 1)));
            }
            return q.withFirstPage(q.firstPage() + 1);
        }
    }
}
