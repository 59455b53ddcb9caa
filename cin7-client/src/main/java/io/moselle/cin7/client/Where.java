package io.moselle.cin7.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A typed Cin7 {@code where} clause: comparisons joined by {@code AND}.
 *
 * <pre>{@code
 * Where w = Where.field("modifiedDate").atLeast(from)
 *         .and(Where.field("modifiedDate").before(to))
 *         .and(Where.field("branchId").in(1, 2));
 * }</pre>
 *
 * Field names must be plain identifiers; string literals are single-quoted with quotes doubled,
 * so no value can change the clause; instants are written as UTC {@code yyyy-MM-dd'T'HH:mm:ss'Z'}
 * (Cin7 compares at whole seconds, so fractions are dropped). Immutable.
 */
public final class Where {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final List<String> conditions;

    private Where(List<String> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    /**
     * Starts a condition on {@code name}.
     *
     * @throws IllegalArgumentException unless {@code name} is a plain identifier
     */
    public static Field field(String name) {
        return new Field(Identifiers.require("where", name));
    }

    /** This clause {@code AND} {@code other}. */
    public Where and(Where other) {
        List<String> all = new ArrayList<>(conditions);
        all.addAll(Objects.requireNonNull(other, "other").conditions);
        return new Where(all);
    }

    /** The clause as sent to Cin7 (before URL encoding). */
    @Override
    public String toString() {
        return String.join(" AND ", conditions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Where w && w.conditions.equals(conditions);
    }

    @Override
    public int hashCode() {
        return conditions.hashCode();
    }

    /** Formats an instant the way Cin7's {@code where} expects. */
    static String formatInstant(Instant instant) {
        return DATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A field awaiting its comparison. */
    public static final class Field {
        private final String name;

        private Field(String name) {
            this.name = name;
        }

        /** The field equals {@code value}. */
        public Where eq(String value) { return compare("=", literal(value)); }
        /** The field equals {@code value}. */
        public Where eq(long value) { return compare("=", Long.toString(value)); }
        /** The field equals {@code value}. */
        public Where eq(BigDecimal value) { return compare("=", literal(value)); }
        /** The field equals {@code value}. */
        public Where eq(Instant value) { return compare("=", literal(value)); }

        /** The field differs from {@code value}. */
        public Where notEq(String value) { return compare("<>", literal(value)); }
        /** The field differs from {@code value}. */
        public Where notEq(long value) { return compare("<>", Long.toString(value)); }

        /** The field is greater than {@code value}. */
        public Where greaterThan(long value) { return compare(">", Long.toString(value)); }
        /** The field is greater than {@code value}. */
        public Where greaterThan(BigDecimal value) { return compare(">", literal(value)); }
        /** The field is at least {@code value}. */
        public Where atLeast(long value) { return compare(">=", Long.toString(value)); }
        /** The field is less than {@code value}. */
        public Where lessThan(long value) { return compare("<", Long.toString(value)); }
        /** The field is at most {@code value}. */
        public Where atMost(long value) { return compare("<=", Long.toString(value)); }

        /** {@code field > 'instant'}. */
        public Where after(Instant value) { return compare(">", literal(value)); }
        /** {@code field >= 'instant'}. */
        public Where atLeast(Instant value) { return compare(">=", literal(value)); }
        /** {@code field < 'instant'}. */
        public Where before(Instant value) { return compare("<", literal(value)); }
        /** {@code field <= 'instant'}. */
        public Where atMost(Instant value) { return compare("<=", literal(value)); }

        /** The field comes after {@code value}. */
        public Where greaterThan(String value) { return compare(">", literal(value)); }
        /** The field comes before {@code value}. */
        public Where lessThan(String value) { return compare("<", literal(value)); }

        /** {@code field IN (v1, v2, ...)}; at least one value. */
        public Where in(long... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("where: " + name + " IN needs at least one value");
            }
            return inLiterals(java.util.Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.toList()));
        }

        /** {@code field IN ('a', 'b', ...)}; at least one value. */
        public Where in(Collection<String> values) {
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("where: " + name + " IN needs at least one value");
            }
            return inLiterals(values.stream().map(Field::literal).collect(Collectors.toList()));
        }

        private Where inLiterals(List<String> literals) {
            return new Where(List.of(name + " IN (" + String.join(",", literals) + ")"));
        }

        private Where compare(String operator, String literal) {
            return new Where(List.of(name + operator + literal));
        }

        private static String literal(String value) {
            return quote(Objects.requireNonNull(value, "where: value"));
        }

        private static String literal(BigDecimal value) {
            return Objects.requireNonNull(value, "where: value").toPlainString();
        }

        private static String literal(Instant value) {
            return quote(formatInstant(Objects.requireNonNull(value, "where: value")));
        }
    }
}
