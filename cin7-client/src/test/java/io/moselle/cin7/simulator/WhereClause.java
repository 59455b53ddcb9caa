package io.moselle.cin7.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The subset of Cin7's SQL-like {@code where} the simulator understands: comparisons
 * ({@code = <> != < <= > >=}) and {@code IN (...)} joined by {@code AND}; single-quoted string
 * literals with {@code ''} escaping, numbers, {@code true}/{@code false}. Field names are
 * case-insensitive; dates compare as instants, numbers as decimals, text without regard to case
 * (like Cin7's SQL Server collation). A comparison with a missing value is false.
 */
final class WhereClause implements Predicate<ObjectNode> {
    private final List<Condition> conditions;

    private WhereClause(List<Condition> conditions) {
        this.conditions = conditions;
    }

    static WhereClause matchAll() {
        return new WhereClause(List.of());
    }

    /**
     * @param fields the resource's field names, to resolve case and refuse unknown ones
     * @throws BadQueryException for an unknown field or a parse error
     */
    static WhereClause parse(String text, Fields fields) {
        if (text == null || text.isBlank()) {
            return matchAll();
        }
        return new Parser(text, fields).parse();
    }

    @Override
    public boolean test(ObjectNode record) {
        for (Condition c : conditions) {
            if (!c.test(record)) {
                return false;
            }
        }
        return true;
    }

    /** The lowest value {@code field} may take (inclusive), when a condition bounds it from below. */
    Optional<Instant> lowerDateBound(String field) {
        return dateBound(field, Set.of(">", ">=", "="), true);
    }

    /** The highest value {@code field} may take (inclusive), when a condition bounds it from above. */
    Optional<Instant> upperDateBound(String field) {
        return dateBound(field, Set.of("<", "<=", "="), false);
    }

    /** The tightest date bound on {@code field} among the conditions using one of {@code operators}. */
    private Optional<Instant> dateBound(String field, Set<String> operators, boolean lower) {
        Instant bound = null;
        for (Condition c : conditions) {
            if (c.field.equalsIgnoreCase(field) && operators.contains(c.op)) {
                Instant value = Values.asInstant(c.literals.get(0));
                if (value != null && (bound == null || (lower ? value.isAfter(bound) : value.isBefore(bound)))) {
                    bound = value;
                }
            }
        }
        return Optional.ofNullable(bound);
    }

    /** The lowest id allowed (exclusive of lower ids), from {@code id > n}, {@code id >= n}, {@code id = n}. */
    long minimumId() {
        long min = Long.MIN_VALUE;
        for (Condition c : conditions) {
            if (c.field.equalsIgnoreCase("id") && c.literals.get(0) instanceof BigDecimal n) {
                long v = switch (c.op) {
                    case ">" -> n.longValue() + 1;
                    case ">=", "=" -> n.longValue();
                    default -> Long.MIN_VALUE;
                };
                min = Math.max(min, v);
            }
        }
        return min;
    }

    /** The highest id the clause's {@code id} bounds allow: {@code Long.MAX_VALUE} when none. */
    long maximumId() {
        long max = Long.MAX_VALUE;
        for (Condition c : conditions) {
            if (c.field.equalsIgnoreCase("id") && c.literals.get(0) instanceof BigDecimal n) {
                long v = switch (c.op) {
                    case "<" -> n.longValue() - 1;
                    case "<=", "=" -> n.longValue();
                    default -> Long.MAX_VALUE;
                };
                max = Math.min(max, v);
            }
        }
        return max;
    }

    private static final class Condition {
        final String field;
        final String op;
        final List<Object> literals;

        Condition(String field, String op, List<Object> literals) {
            this.field = field;
            this.op = op;
            this.literals = literals;
        }

        boolean test(ObjectNode record) {
            JsonNode value = record.get(field);
            if (value == null || value.isNull()) {
                return false;
            }
            if (op.equals("IN")) {
                for (Object literal : literals) {
                    if (Values.compare(value, literal) == 0) {
                        return true;
                    }
                }
                return false;
            }
            Integer cmp = Values.compare(value, literals.get(0));
            if (cmp == null) {
                return false;
            }
            return switch (op) {
                case "=" -> cmp == 0;
                case "<>", "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                default -> throw new IllegalStateException(op);
            };
        }
    }

    /** A recursive-descent parser over the clause text. */
    private static final class Parser {
        private final String text;
        private final Fields fields;
        private int pos;

        Parser(String text, Fields fields) {
            this.text = text;
            this.fields = fields;
        }

        WhereClause parse() {
            List<Condition> conditions = new ArrayList<>();
            conditions.add(condition());
            while (true) {
                skipSpaces();
                if (pos >= text.length()) {
                    return new WhereClause(conditions);
                }
                String word = identifier();
                if (!word.equalsIgnoreCase("AND")) {
                    throw error("expected AND, found '" + word + "'");
                }
                conditions.add(condition());
            }
        }

        private Condition condition() {
            skipSpaces();
            String name = identifier();
            String field = fields.resolve(name).orElseThrow(() -> new BadQueryException("Invalid column name '" + name + "'."));
            skipSpaces();
            if (text.regionMatches(true, pos, "IN", 0, 2) && pos + 2 < text.length()
                    && (text.charAt(pos + 2) == ' ' || text.charAt(pos + 2) == '(')) {
                pos += 2;
                skipSpaces();
                expect('(');
                List<Object> values = new ArrayList<>();
                values.add(literal());
                skipSpaces();
                while (peek() == ',') {
                    pos++;
                    values.add(literal());
                    skipSpaces();
                }
                expect(')');
                return new Condition(field, "IN", values);
            }
            String op = operator();
            return new Condition(field, op, List.of(literal()));
        }

        private String operator() {
            for (String op : List.of("<=", ">=", "<>", "!=", "=", "<", ">")) {
                if (text.startsWith(op, pos)) {
                    pos += op.length();
                    return op;
                }
            }
            throw error("expected a comparison operator");
        }

        private Object literal() {
            skipSpaces();
            char c = peek();
            if (c == '\'') {
                StringBuilder s = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        throw error("unterminated string literal");
                    }
                    char ch = text.charAt(pos++);
                    if (ch == '\'') {
                        if (pos < text.length() && text.charAt(pos) == '\'') {
                            s.append('\'');
                            pos++;
                        } else {
                            return s.toString();
                        }
                    } else {
                        s.append(ch);
                    }
                }
            }
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "-+.".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
                return Boolean.valueOf(word.toLowerCase(Locale.ROOT));
            }
            try {
                return new BigDecimal(word);
            } catch (NumberFormatException e) {
                throw error("expected a literal, found '" + word + "'");
            }
        }

        private String identifier() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a name");
            }
            return text.substring(start, pos);
        }

        private void expect(char c) {
            skipSpaces();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private BadQueryException error(String problem) {
            return new BadQueryException("Incorrect syntax in where at position " + pos + ": " + problem);
        }
    }
}
