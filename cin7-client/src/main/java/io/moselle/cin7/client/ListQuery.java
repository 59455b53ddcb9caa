package io.moselle.cin7.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to list: a {@link Where} filter, an {@link Order}, the {@code fields} to return, the
 * page size ({@code rows}, at most 250, the default) and where to start.
 *
 * <p>Two ways of paging:
 * <ul>
 *   <li><b>By page number</b> (the default): pages {@code firstPage}, {@code firstPage + 1}, ...
 *   Rows can shift between pages if data changes during the scan.</li>
 *   <li><b>Keyset</b>, with {@link Builder#afterId(long)}: every request asks for
 *   {@code id > last id seen} ordered {@code id ASC}, always page 1, so records changing during
 *   the scan are neither skipped nor doubled. Only for resources with an id.</li>
 * </ul>
 * Immutable; {@code with...} methods return copies.
 */
public final class ListQuery {
    /** Cin7's maximum page size, and the default here: the fewest calls. */
    public static final int MAX_ROWS = 250;

    private final Where where;
    private final Order order;
    private final List<String> fields;
    private final int rows;
    private final int firstPage;
    private final Long afterId;

    private ListQuery(Builder b) {
        this.where = b.where;
        this.order = b.order;
        this.fields = List.copyOf(b.fields);
        this.rows = b.rows;
        this.firstPage = b.firstPage;
        this.afterId = b.afterId;
    }

    /** Every record, 250 per page, in the resource's default order. */
    public static ListQuery all() {
        return builder().build();
    }

    /** A builder of queries; with nothing set, every record, by id, 250 a page. */
    public static Builder builder() {
        return new Builder();
    }

    /** The filter; empty for every record. */
    public Optional<Where> where() {
        return Optional.ofNullable(where);
    }

    /** The explicit order; when empty the resource's default order is sent. */
    public Optional<Order> order() {
        return Optional.ofNullable(order);
    }

    /** The fields to return; empty for all. */
    public List<String> fields() {
        return fields;
    }

    /** Records a page, 1 to 250. */
    public int rows() {
        return rows;
    }

    /** The first page to ask for, from 1. */
    public int firstPage() {
        return firstPage;
    }

    /** Set for keyset paging: the id after which the listing starts. */
    public OptionalLong afterId() {
        return afterId == null ? OptionalLong.empty() : OptionalLong.of(afterId);
    }

    /** Whether pages follow one another by {@code id > afterId} (keyset) rather than by page number. */
    public boolean isKeyset() {
        return afterId != null;
    }

    /** A copy starting at page {@code page}. */
    public ListQuery withFirstPage(int page) {
        return toBuilder().firstPage(page).build();
    }

    /** A copy paging by keyset after {@code id}. */
    public ListQuery withAfterId(long id) {
        return toBuilder().afterId(id).build();
    }

    /** A builder holding this query's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.where = where;
        b.order = order;
        b.fields = fields;
        b.rows = rows;
        b.firstPage = firstPage;
        b.afterId = afterId;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListQuery q && Objects.equals(q.where, where) && Objects.equals(q.order, order)
                && q.fields.equals(fields) && q.rows == rows && q.firstPage == firstPage && Objects.equals(q.afterId, afterId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(where, order, fields, rows, firstPage, afterId);
    }

    @Override
    public String toString() {
        return "ListQuery{where=" + where + ", order=" + order + ", fields=" + fields + ", rows=" + rows
                + (afterId == null ? ", firstPage=" + firstPage : ", afterId=" + afterId) + "}";
    }

    /** Builds a {@link ListQuery}; every setter validates at once. Not thread-safe. */
    public static final class Builder {
        private Where where;
        private Order order;
        private List<String> fields = List.of();
        private int rows = MAX_ROWS;
        private int firstPage = 1;
        private Long afterId;

        private Builder() {}

        /** The filter of the records. */
        public Builder where(Where where) {
            this.where = Objects.requireNonNull(where, "where");
            return this;
        }

        /** The order of the records. */
        public Builder order(Order order) {
            this.order = Objects.requireNonNull(order, "order");
            return this;
        }

        /** Only these fields are returned; keep the id for keyset paging. */
        public Builder fields(List<String> fields) {
            Objects.requireNonNull(fields, "fields").forEach(f -> Identifiers.require("fields", f));
            this.fields = List.copyOf(fields);
            return this;
        }

        /** Only these fields are returned; keep the id for keyset paging. */
        public Builder fields(String... fields) {
            return fields(List.of(fields));
        }

        /**
         * @throws IllegalArgumentException unless 1 &lt;= rows &lt;= 250
         */
        public Builder rows(int rows) {
            if (rows < 1 || rows > MAX_ROWS) {
                throw new IllegalArgumentException("rows must be between 1 and " + MAX_ROWS + ", was " + rows);
            }
            this.rows = rows;
            return this;
        }

        /** The first page to read (1-based), for page-number paging. */
        public Builder firstPage(int firstPage) {
            if (firstPage < 1) {
                throw new IllegalArgumentException("firstPage must be at least 1, was " + firstPage);
            }
            this.firstPage = firstPage;
            return this;
        }

        /** Switches to keyset paging, starting after {@code id} (0 for the start). */
        public Builder afterId(long id) {
            if (id < 0) {
                throw new IllegalArgumentException("afterId must be zero or more, was " + id);
            }
            this.afterId = id;
            return this;
        }

        /** The query. */
        public ListQuery build() {
            if (afterId != null && order != null) {
                throw new IllegalArgumentException("order: keyset paging (afterId) always orders by id ASC; leave order unset");
            }
            return new ListQuery(this);
        }
    }
}
