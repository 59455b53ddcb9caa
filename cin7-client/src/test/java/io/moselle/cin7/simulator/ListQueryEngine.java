package io.moselle.cin7.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Answers one list request on a table: where, order, page, rows, as Cin7 would. */
final class ListQueryEngine {
    /** Cin7's largest page; the simulator caps {@code rows} here, as Cin7 is reported to do. */
    static final int MAX_ROWS = 250;
    static final int DEFAULT_ROWS = 50;

    private ListQueryEngine() {}

    static List<ObjectNode> list(Table table, Map<String, String> query, Instant now) {
        int rows = Math.min(MAX_ROWS, positive(query, "rows", DEFAULT_ROWS));
        int page = positive(query, "page", 1);
        WhereClause where = WhereClause.parse(query.get("where"), table.fields);
        List<OrderTerm> order = parseOrder(query.get("order"), table);
        long skip = (long) (page - 1) * rows;

        Iterator<ObjectNode> candidates = table.candidates(where, now);
        if (table.hasIds && order.size() == 1 && order.get(0).field.equals("id") && order.get(0).ascending) {
            List<ObjectNode> out = new ArrayList<>(rows);
            while (candidates.hasNext() && out.size() < rows) {
                ObjectNode record = candidates.next();
                if (where.test(record)) {
                    if (skip > 0) {
                        skip--;
                    } else {
                        out.add(record);
                    }
                }
            }
            return out;
        }
        List<ObjectNode> all = new ArrayList<>();
        candidates.forEachRemaining(r -> {
            if (where.test(r)) {
                all.add(r);
            }
        });
        all.sort(comparator(order));
        int from = (int) Math.min(all.size(), skip);
        return new ArrayList<>(all.subList(from, Math.min(all.size(), from + rows)));
    }

    private static int positive(Map<String, String> query, String name, int fallback) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1) {
                throw new BadQueryException("The " + name + " parameter must be 1 or more.");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadQueryException("The value '" + text + "' is not valid for " + name + ".");
        }
    }

    private record OrderTerm(String field, boolean ascending) {}

    /** Without an order Cin7's is undocumented; the simulator answers newest first, so a client that forgets notices. */
    private static List<OrderTerm> parseOrder(String text, Table table) {
        if (text == null || text.isBlank()) {
            return table.hasIds ? List.of(new OrderTerm("id", false)) : List.of();
        }
        List<OrderTerm> terms = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] words = part.trim().split("\\s+");
            String field = table.fields.resolve(words[0])
                    .orElseThrow(() -> new BadQueryException("Invalid column name '" + words[0] + "' in order."));
            boolean ascending = words.length < 2 || words[1].equalsIgnoreCase("ASC");
            if (words.length > 2 || (words.length == 2 && !ascending && !words[1].equalsIgnoreCase("DESC"))) {
                throw new BadQueryException("Incorrect syntax in order: '" + part.trim() + "'.");
            }
            terms.add(new OrderTerm(field, ascending));
        }
        return terms;
    }

    private static Comparator<ObjectNode> comparator(List<OrderTerm> order) {
        Comparator<ObjectNode> c = (a, b) -> 0;
        for (OrderTerm term : order) {
            Comparator<ObjectNode> byField = (a, b) -> compareValues(a.get(term.field), b.get(term.field));
            c = c.thenComparing(term.ascending ? byField : byField.reversed());
        }
        return c;
    }

    /** Nulls first, then numbers, dates as instants, and text without regard to case. */
    private static int compareValues(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return Boolean.compare(!aNull, !bNull);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isTextual() && b.isTextual()) {
            return Values.compare(a, b.textValue());
        }
        return a.asText().compareToIgnoreCase(b.asText());
    }
}
