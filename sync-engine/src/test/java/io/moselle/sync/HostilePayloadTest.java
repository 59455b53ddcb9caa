package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.cin7.client.Cin7IoException;
import io.moselle.cin7.client.Cin7Json;
import io.moselle.cin7.client.InvalidResponseException;
import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.BranchTransfer;
import io.moselle.cin7.client.model.Product;
import io.moselle.cin7.client.model.PurchaseOrder;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.cin7.client.model.StockItem;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.SimulatedData;
import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Reason;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.ReplenishmentMapping;
import io.moselle.mapping.cin7.SalesOrderMapping;
import io.moselle.mapping.cin7.WarehouseDirectory;
import io.moselle.mapping.internal.InventoryAccumulator;
import io.moselle.mapping.internal.Tally;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded mutations of real-shaped Cin7 pages, each with the exact outcome it must have, worked out
 * by {@link ModelOracle} from the model's declared types and the documented rules: the value the
 * record is read with (and, for a number no real record has, the skip that names it), or the
 * {@link InvalidResponseException} naming resource, page, record id and field, or a body cut short.
 * Replay with {@code -Dhostile.seed=N}.
 */
class HostilePayloadTest {
    static final long SEED = Long.getLong("hostile.seed", 42L);
    static final int MUTATIONS = 1_500;
    /** Reads JSON as the reference: exact decimals, keys given twice refused. */
    static final ObjectMapper PLAIN = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final SimulatedData DATA = SimulatedData.of(DatasetSpec.small(EngineFixture.NOW).withSeed(5));
    static final Cin7Settings SETTINGS = Cin7Settings.defaults();
    static final WarehouseDirectory WAREHOUSES = WarehouseDirectory.of(
            Cin7Json.readPage(Branch.class, "v1/Branches", stream(pageOf(SimulatedData.BRANCHES, 1, 3).toString())), SETTINGS);

    record Resource(String path, Class<?> type, Function<Long, ObjectNode> record) {}

    static final List<Resource> RESOURCES = List.of(
            new Resource("v1/SalesOrders", SalesOrder.class, id -> DATA.get(SimulatedData.SALES_ORDERS, id)),
            new Resource("v1/PurchaseOrders", PurchaseOrder.class, id -> DATA.get(SimulatedData.PURCHASE_ORDERS, 1 + id % 30)),
            new Resource("v1/BranchTransfers", BranchTransfer.class, id -> DATA.get(SimulatedData.BRANCH_TRANSFERS, 1 + id % 20)),
            new Resource("v1/Products", Product.class, id -> DATA.get(SimulatedData.PRODUCTS, 1 + id % 12)),
            new Resource("v1/Stock", StockItem.class, id -> DATA.get(SimulatedData.STOCK, 1 + id % 70)),
            new Resource("v1/Branches", Branch.class, id -> DATA.get(SimulatedData.BRANCHES, 1 + id % 3)));

    static final String[] JUNK = {"\"NaN\"", "1.5", "true", "[1]", "{\"a\":1}", "\"2026-13-45T99:00:00Z\"", "-7", "\"\"", "\"  \"",
        "\"2026-11-01\"", "2", "0"};
    static final String[] HUGE = {"1e400", "-1e400", "-1e30", "99999999999999999999999999", "1" + "0".repeat(900),
        "0.000000000000000000000000001", "9223372036854775808"};
    static final String[] ODD = {"\\u0000", "\\uD83D\\uDE00 emoji", "\\u202Eright-to-left", "\\uFEFFbom", "\\uD800 lone surrogate",
        "e\\u0301", "\\u00A0 nbsp \\u2028 line sep", "'; DROP TABLE x; --", "  padded  "};

    /** What must come of a spoilt page. */
    sealed interface Expect permits Reads, Refuses, RefusesPage, CutShort {}

    /**
     * Read: record {@code index}'s property at {@code path} has {@code value} ({@code path} empty: the record is unchanged;
     * {@code index} -1: the whole page reads, {@code value} records).
     */
    record Reads(int index, List<String> path, Object value, String literal) implements Expect {}

    /** Refused at a record: {@code field} is the path the exception names, {@code recordId} the id it names. */
    record Refuses(Long recordId, String field) implements Expect {}

    /** Refused as a whole: no record id, a message holding {@code part}. */
    record RefusesPage(String part) implements Expect {}

    /** The body ends inside its JSON: a transfer cut short, retried by the client. */
    record CutShort() implements Expect {}

    /** One spoilt page. */
    record Case(int n, String mutation, Resource resource, String original, String body, Expect expect) {
        @Override
        public String toString() {
            return "mutation " + n + " (" + mutation + ", seed " + SEED + ") of " + resource.path() + ": " + expect;
        }
    }

    @Test
    void everyMutationHasItsExactOutcome() {
        Map<String, Integer> outcomes = new TreeMap<>();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random random = new Random(SEED);
            for (int n = 0; n < MUTATIONS; n++) {
                Case c = spoil(n, random);
                try {
                    check(c);
                } catch (AssertionError e) {
                    throw new AssertionError(c + "\nbody: " + c.body().substring(0, Math.min(1_500, c.body().length())), e);
                }
                outcomes.merge(c.expect().getClass().getSimpleName(), 1, Integer::sum);
            }
        });
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MUTATIONS);
        assertThat(outcomes).containsKeys("Reads", "Refuses", "RefusesPage", "CutShort");
    }

    // ------------------------------------------------------------------ mutations and what must come of them

    static ArrayNode pageOf(String resource, long first, int count) {
        ArrayNode page = PLAIN.createArrayNode();
        for (long id = first; id < first + count; id++) {
            page.add(DATA.get(resource, id));
        }
        return page;
    }

    static Case spoil(int n, Random r) throws JsonProcessingException {
        Resource resource = RESOURCES.get(r.nextInt(RESOURCES.size()));
        ArrayNode page = PLAIN.createArrayNode();
        long first = 1 + r.nextInt(1_000);
        for (long id = first; id < first + 5; id++) {
            page.add(resource.record().apply(id));
        }
        String original = page.toString();
        int kind = r.nextInt(10);
        return switch (kind) {
            case 0, 1 -> setValue(n, "junk", resource, page, original, r, JUNK[r.nextInt(JUNK.length)], false);
            case 2 -> setValue(n, "null", resource, page, original, r, "null", false);
            case 3 -> setValue(n, "huge number", resource, page, original, r, HUGE[r.nextInt(HUGE.length)], false);
            case 4 -> setValue(n, "odd unicode", resource, page, original, r, "\"" + ODD[r.nextInt(ODD.length)] + "\"", true);
            case 5 -> remove(n, resource, page, original, r);
            case 6 -> deep(n, resource, page, original, r);
            case 7 -> duplicateKey(n, resource, page, original, r);
            case 8 -> truncated(n, resource, original, r);
            default -> r.nextBoolean() ? garbled(n, resource, original, r) : wrongShape(n, resource, original, r);
        };
    }

    /** Where a mutation lands: a record of the page, or an object nested in it (a line, an option), and a field of it. */
    record Target(int index, ObjectNode node, List<String> prefix, String field, Class<?> model) {
        List<String> path() {
            List<String> path = new ArrayList<>(prefix);
            path.add(field);
            return path;
        }

        String pathText() {
            StringBuilder s = new StringBuilder();
            for (String p : path()) {
                s.append(p.matches("\\d+") ? "[" + p + "]" : (s.length() == 0 ? "" : ".") + p);
            }
            return s.toString();
        }
    }

    static Target target(Resource resource, ArrayNode page, Random r, boolean textFields) {
        int index = r.nextInt(page.size());
        ObjectNode node = (ObjectNode) page.get(index);
        List<String> prefix = new ArrayList<>();
        Class<?> model = resource.type();
        if (r.nextBoolean()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> child = it.next();
                if (child.getValue().isArray() && child.getValue().size() > 0 && child.getValue().get(0).isObject()) {
                    int element = r.nextInt(child.getValue().size());
                    Type listType = ModelOracle.property(model, child.getKey()).orElseThrow().type();
                    model = (Class<?>) ((ParameterizedType) listType).getActualTypeArguments()[0];
                    prefix = List.of(child.getKey(), Integer.toString(element));
                    node = (ObjectNode) child.getValue().get(element);
                    break;
                }
            }
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        if (textFields) {
            Class<?> m = model;
            names.removeIf(f -> ModelOracle.property(m, f).map(p -> p.type() != String.class).orElse(true));
            if (names.isEmpty()) {
                names.add("reference");
            }
        }
        return new Target(index, node, prefix, names.get(r.nextInt(names.size())), model);
    }

    /** Sets a field to a JSON literal, written verbatim into the body. */
    static Case setValue(int n, String mutation, Resource resource, ArrayNode page, String original, Random r, String literal,
            boolean textFields)
            throws JsonProcessingException {
        Target t = target(resource, page, r, textFields);
        t.node().put(t.field(), "__VALUE__");
        String body = page.toString().replace("\"__VALUE__\"", literal);
        return new Case(n, mutation + " " + t.pathText() + "=" + literal, resource, original, body, judge(resource, t, body, literal));
    }

    static Case remove(int n, Resource resource, ArrayNode page, String original, Random r) throws JsonProcessingException {
        Target t = target(resource, page, r, false);
        t.node().remove(t.field());
        String body = page.toString();
        return new Case(n, "missing " + t.pathText(), resource, original, body, judge(resource, t, body, null));
    }

    /** Nested arrays, deeper than Jackson reads (1,000 levels) or not, into an unknown field or into a list of records. */
    static Case deep(int n, Resource resource, ArrayNode page, String original, Random r) throws JsonProcessingException {
        int index = r.nextInt(page.size());
        int depth = r.nextBoolean() ? 10 + r.nextInt(900) : 1_100 + r.nextInt(2_000);
        String field = r.nextBoolean() ? "junk" : "lineItems";
        ((ObjectNode) page.get(index)).put(field, "__DEEP__");
        String body = page.toString().replace("\"__DEEP__\"", "[".repeat(depth) + "]".repeat(depth));
        Expect expect;
        if (depth > 1_000) {
            expect = new Refuses(null, "[" + index + "]." + field + "[0][0][0]");
        } else {
            expect = judge(resource, new Target(index, (ObjectNode) page.get(index), List.of(), field, resource.type()), body, null);
        }
        return new Case(n, "nested " + depth + " deep in " + field, resource, original, body, expect);
    }

    /** A key given twice makes the record ambiguous: refused, naming the key. */
    static Case duplicateKey(int n, Resource resource, ArrayNode page, String original, Random r) {
        int index = r.nextInt(page.size());
        ObjectNode record = (ObjectNode) page.get(index);
        String key = record.fieldNames().next();
        String text = record.toString();
        String twice = "{\"" + key + "\":" + r.nextInt(100) + "," + text.substring(1);
        ArrayNode copy = page.deepCopy();
        copy.set(index, PLAIN.createObjectNode().put("x", "__TWICE__"));
        String body = copy.toString().replace("{\"x\":\"__TWICE__\"}", twice);
        return new Case(n, "key " + key + " given twice", resource, original, body, new Refuses(null, "[" + index + "]." + key));
    }

    static Case truncated(int n, Resource resource, String original, Random r) {
        String body = original.substring(0, r.nextInt(original.length()));
        return new Case(n, "cut at " + body.length(), resource, original, body, judgePage(body, resource));
    }

    /** One bracket taken out: never valid JSON again. */
    static Case garbled(int n, Resource resource, String original, Random r) {
        List<Integer> brackets = new ArrayList<>();
        for (int i = 0; i < original.length(); i++) {
            if ("{}[]".indexOf(original.charAt(i)) >= 0) {
                brackets.add(i);
            }
        }
        int at = brackets.get(r.nextInt(brackets.size()));
        String body = original.substring(0, at) + original.substring(at + 1);
        return new Case(n, "bracket " + original.charAt(at) + " at " + at + " removed", resource, original, body,
                judgePage(body, resource));
    }

    static Case wrongShape(int n, Resource resource, String original, Random r) {
        String[] shapes = {"{\"message\":\"An error has occurred.\"}", "null", "\"text\"", "42", "[null]", "[[]]", "[1,2]", "", "{}", "[{}]"};
        String body = shapes[r.nextInt(shapes.length)];
        return new Case(n, "shape " + body, resource, original, body, judgePage(body, resource));
    }

    /** What must come of a page whose target field now holds {@code literal} (null: the field was removed). */
    static Expect judge(Resource resource, Target t, String body, String literal) throws JsonProcessingException {
        JsonNode mutated = PLAIN.readTree(body).get(t.index());
        Optional<String> refused = ModelOracle.firstRefused(resource.type(), mutated);
        if (refused.isPresent()) {
            JsonNode id = mutated.get("id");
            Long recordId = id != null && id.isIntegralNumber() && id.canConvertToLong() ? id.longValue() : null;
            return new Refuses(recordId, "[" + t.index() + "]." + refused.get());
        }
        Optional<ModelOracle.Property> property = ModelOracle.property(t.model(), t.field());
        if (property.isEmpty()) {
            return new Reads(t.index(), List.of(), null, literal); // a field the model does not have: ignored
        }
        JsonNode value = literal == null ? null : PLAIN.readTree(literal);
        return new Reads(t.index(), t.path(), ModelOracle.expected(property.get().type(), value, literal), literal);
    }

    /** A page spoilt as a whole, judged by the reference reader. */
    static Expect judgePage(String body, Resource resource) {
        JsonNode tree;
        try {
            tree = PLAIN.readTree(body);
        } catch (JsonProcessingException e) {
            return String.valueOf(e.getOriginalMessage()).contains("end-of-input") ? new CutShort() : new RefusesPage("");
        }
        if (tree == null || tree.isMissingNode()) {
            return new RefusesPage("expected a JSON array, got end of input");
        }
        if (!tree.isArray()) {
            return new RefusesPage("expected a JSON array, got " + (tree.isObject() && tree.has("message")
                    ? "an error object: " + tree.get("message").asText() : tree.isObject() ? "an object" : tree.isNull() ? "null"
                    : tree.isTextual() ? "text" : "a number"));
        }
        for (int i = 0; i < tree.size(); i++) {
            if (!tree.get(i).isObject()) {
                return new Refuses(null, "[" + i + "]");
            }
            Optional<String> refused = ModelOracle.firstRefused(resource.type(), tree.get(i));
            if (refused.isPresent()) {
                return new Refuses(null, "[" + i + "]." + refused.get());
            }
        }
        return new Reads(-1, List.of(), tree.size(), null); // the page as a whole reads, this many records
    }

    // ------------------------------------------------------------------ checking

    static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    static void check(Case c) throws Exception {
        if (c.expect() instanceof Refuses refuses) {
            assertThatThrownBy(() -> read(c)).as(c.toString()).isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                assertThat(e.resource()).isEqualTo(c.resource().path());
                assertThat(e.page()).isEqualTo(1);
                assertThat(e.recordId()).isEqualTo(Optional.ofNullable(refuses.recordId()));
                assertThat(e.field()).isEqualTo(refuses.field());
                assertThat(e.getMessage()).startsWith("invalid response from " + c.resource().path() + " page 1");
            });
        } else if (c.expect() instanceof RefusesPage page) {
            assertThatThrownBy(() -> read(c)).as(c.toString()).isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                assertThat(e.resource()).isEqualTo(c.resource().path());
                assertThat(e.page()).isEqualTo(1);
                assertThat(e.recordId()).isEmpty();
                assertThat(e.getMessage()).contains(page.part());
            });
        } else if (c.expect() instanceof CutShort) {
            assertThatThrownBy(() -> read(c)).as(c.toString()).isInstanceOf(Cin7IoException.class).hasMessageContaining("body cut short");
        } else {
            checkReads(c, (Reads) c.expect());
        }
    }

    static List<?> read(Case c) {
        return Cin7Json.readPage(c.resource().type(), c.resource().path(), stream(c.body()));
    }

    static void checkReads(Case c, Reads reads) throws Exception {
        List<?> records = read(c);
        if (reads.index() < 0) {
            assertThat(records).as(c.toString()).hasSize((Integer) reads.value());
            return;
        }
        List<?> originals = Cin7Json.readPage(c.resource().type(), c.resource().path(), stream(c.original()));
        assertThat(records).as(c.toString()).hasSameSizeAs(originals);
        for (int i = 0; i < records.size(); i++) {
            if (i != reads.index() || reads.path().isEmpty()) {
                assertThat(records.get(i)).as(c + ": record " + i + " unchanged").isEqualTo(originals.get(i));
            }
        }
        if (!reads.path().isEmpty()) {
            assertThat(valueAt(records.get(reads.index()), reads.path())).as(c.toString()).isEqualTo(reads.value());
            checkMapping(c, reads, originals.get(reads.index()), records.get(reads.index()));
        }
    }

    static Object valueAt(Object record, List<String> path) throws Exception {
        Object current = record;
        for (String step : path) {
            if (step.matches("\\d+")) {
                current = ((List<?>) current).get(Integer.parseInt(step));
            } else {
                current = accessor(current.getClass(), step).invoke(current);
            }
        }
        return current;
    }

    /** The public accessor named {@code property} (case-insensitively), on a model value's class. */
    static Method accessor(Class<?> type, String property) {
        Class<?> visible = type;
        while (!java.lang.reflect.Modifier.isPublic(visible.getModifiers())) {
            visible = visible.getSuperclass(); // the generated value class is hidden behind its public abstract type
        }
        for (Method m : visible.getMethods()) {
            if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(property)) {
                return m;
            }
        }
        throw new IllegalStateException(type + " has no " + property);
    }

    /** Numbers the rules map: a record holding one no real record has is skipped, naming it; the rest map and write as JSON. */
    static final Set<String> MAPPED_NUMBERS = Set.of("qty", "unitPrice", "discount", "qtyTransferred", "unitCost", "stockOnHand",
            "available", "incoming");

    static void checkMapping(Case c, Reads reads, Object original, Object mutated) throws Exception {
        Outcome<?> before = map(original);
        Outcome<?> after = map(mutated);
        String field = reads.path().get(reads.path().size() - 1);
        boolean implausible = MAPPED_NUMBERS.contains(field) && reads.value() instanceof BigDecimal n
                && (n.abs().compareTo(BigDecimal.TEN.pow(12)) >= 0 || n.stripTrailingZeros().scale() > 12);
        String where = String.join(".", reads.path()).replaceAll("\\.(\\d+)\\.", "[$1].");
        if (after == null) { // products and branches: read, not mapped here; written as JSON by the sink
            return;
        }
        if (implausible && (before.action() == Outcome.Action.UPSERT || before.reason().orElse(null) == Reason.NO_LINES)) {
            assertThat(after.action()).as(c.toString()).isEqualTo(Outcome.Action.SKIP);
            assertThat(after.reason()).as(c.toString()).contains(Reason.INVALID_NUMBER);
            assertThat(after.sourceId()).as(c.toString()).endsWith(" " + where);
        } else if (implausible) {
            assertThat(after.action()).as(c + ": retracted or skipped first").isEqualTo(before.action());
            assertThat(after.reason()).isEqualTo(before.reason());
        }
        if (after.record().isPresent()) {
            Object record = after.record().get();
            String json = MoselleJson.mapper().writeValueAsString(record);
            assertThat(MoselleJson.mapper().readValue(json, record.getClass())).as(c + ": written and read back").isEqualTo(record);
            if (field.equals("reference") && reads.path().size() == 1) {
                Method orderNumber = accessor(record.getClass(), "orderNumber");
                String expected = reads.value() == null ? null : ((String) reads.value()).trim();
                assertThat(orderNumber.invoke(record)).as(c.toString()).isEqualTo(expected == null || expected.isEmpty() ? null : expected);
            }
        }
    }

    /** The outcome of a Cin7 record; a stock row as the one row of a snapshot. */
    static Outcome<?> map(Object record) {
        if (record instanceof SalesOrder o) {
            return SalesOrderMapping.map(o, SETTINGS, WAREHOUSES);
        }
        if (record instanceof PurchaseOrder o) {
            return ReplenishmentMapping.purchaseOrder(o, SETTINGS, WAREHOUSES);
        }
        if (record instanceof BranchTransfer t) {
            return ReplenishmentMapping.transfer(t, SETTINGS, WAREHOUSES);
        }
        if (record instanceof StockItem s) {
            InventoryAccumulator inventory = new InventoryAccumulator(WAREHOUSES, null, EngineFixture.NOW);
            inventory.add(s);
            List<?> levels = inventory.levels();
            Tally tally = inventory.tally();
            if (tally.count(Reason.INVALID_NUMBER) > 0) {
                return Outcome.skip(Reason.INVALID_NUMBER, tally.examples().get(Reason.INVALID_NUMBER).get(0));
            }
            return levels.isEmpty() ? Outcome.skip(tally.counts().keySet().iterator().next(), "row") : Outcome.upsert(levels.get(0), "row");
        }
        return null;
    }

    // ------------------------------------------------------------------ through the engine

    /** Values a Cin7 sales order line might hold, served by the simulator to a whole run. */
    @ParameterizedTest(name = "line qty {0}")
    @ValueSource(strings = {"\"lots\"", "1e400", "-1e30", "true", "[1]", "2"})
    void throughTheEngineNothingOfAFailedPageReachesTheSink(String literal) throws Exception {
        try (EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            SimulatedData data = f.sim.data();
            long id = java.util.stream.LongStream.rangeClosed(251, 500).filter(i -> map(Cin7Json.readPage(SalesOrder.class, "v1/SalesOrders",
                    stream("[" + data.get(SimulatedData.SALES_ORDERS, i) + "]")).get(0)).action() == Outcome.Action.UPSERT)
                    .findFirst().orElseThrow();
            java.time.Instant modified = java.time.Instant.parse(data.get(SimulatedData.SALES_ORDERS, id).get("modifiedDate").asText());
            JsonNode value = PLAIN.readTree(literal);
            data.modifyAt(SimulatedData.SALES_ORDERS, id, modified, o -> ((ObjectNode) o.get("lineItems").get(0)).set("qty", value));
            boolean refused = !value.isNumber();

            SyncReport report = f.engine.run(f.tenant);

            StreamReport sales = report.stream(SyncStream.SALES_ORDERS).orElseThrow();
            List<Long> delivered = f.sink.batches.stream().filter(b -> b.type() == RecordType.SALES_ORDER)
                    .flatMap(b -> b.as(RecordType.SALES_ORDER).upserts().stream()).map(o -> o.externalId()).toList();
            if (refused) {
                assertThat(sales.status()).isEqualTo(SyncStatus.FAILED);
                assertThat(sales.error()).hasValueSatisfying(m -> assertThat(m).contains("v1/SalesOrders page 1")
                        .contains("record id " + id).contains("lineItems[0].qty"));
                assertThat(delivered).as("nothing of the page holding the order (ids 251 to 500)").isNotEmpty()
                        .noneMatch(o -> o > 250 && o <= 500).anyMatch(o -> o <= 250);
            } else if (new BigDecimal(literal).abs().compareTo(BigDecimal.TEN.pow(12)) >= 0) {
                assertThat(sales.status()).isEqualTo(SyncStatus.SUCCEEDED);
                assertThat(sales.count(Reason.INVALID_NUMBER)).isEqualTo(1);
                assertThat(sales.examples().get(Reason.INVALID_NUMBER)).containsExactly(id + " lineItems[0].qty");
                assertThat(delivered).doesNotContain(id).anyMatch(o -> o > 250 && o <= 500);
                assertThat(f.sink.state("acme").salesOrders).doesNotContainKey(id);
            } else {
                assertThat(sales.status()).isEqualTo(SyncStatus.SUCCEEDED);
                assertThat(sales.count(Reason.INVALID_NUMBER)).isZero();
                assertThat(f.sink.state("acme").salesOrders.get(id).lines().get(0).quantity()).isEqualByComparingTo(literal);
            }
        }
    }
}
