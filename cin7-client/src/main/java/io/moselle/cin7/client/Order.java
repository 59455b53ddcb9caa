package io.moselle.cin7.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An explicit Cin7 {@code order} clause, e.g. {@code id ASC} or
 * {@code productOptionId ASC, branchId ASC}. Cin7's default order is undocumented, so the client
 * always sends one. Immutable.
 */
public final class Order {
    private final List<String> terms;

    private Order(List<String> terms) {
        this.terms = List.copyOf(terms);
    }

    /** Ascending by {@code field}. */
    public static Order asc(String field) {
        return new Order(List.of(term(field, "ASC")));
    }

    /** Descending by {@code field}. */
    public static Order desc(String field) {
        return new Order(List.of(term(field, "DESC")));
    }

    /** This order, then {@code field ASC} for ties. */
    public Order thenAsc(String field) {
        return then(term(field, "ASC"));
    }

    /** This order, then {@code field DESC} for ties. */
    public Order thenDesc(String field) {
        return then(term(field, "DESC"));
    }

    private Order then(String term) {
        List<String> all = new ArrayList<>(terms);
        all.add(term);
        return new Order(all);
    }

    private static String term(String field, String direction) {
        return Identifiers.require("order", field) + " " + direction;
    }

    @Override
    public String toString() {
        return String.join(", ", terms);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order other && other.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(terms);
    }
}
