package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moselle.cin7.client.InvalidResponseException;
import io.moselle.cin7.client.Cin7IoException;
import io.moselle.cin7.client.Cin7Json;
import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.BranchTransfer;
import io.moselle.cin7.client.model.Product;
import io.moselle.cin7.client.model.PurchaseOrder;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.cin7.client.model.StockItem;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.SimulatedData;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.MoselleJson;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.InventoryAccumulator;
import io.moselle.mapping.cin7.ProductMapping;
import io.moselle.mapping.cin7.ReplenishmentMapping;
import io.moselle.mapping.cin7.SalesOrderMapping;
import io.moselle.mapping.cin7.SkuClaims;
import io.moselle.mapping.cin7.WarehouseDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of real-shaped Cin7 pages: every one either maps, or raises the typed
 * invalid-response exception (or the truncated-body one, which the client retries), never
 * anything else, never a hang. A page is read whole before anything of it is mapped, so nothing
 * is ever written half. Replay with {@code -Dhostile.seed=N}.
 */
class HostilePayloadTest {
    static final long SEED = Long.getLong("hostile.seed", 42L);
    static final int MUTATIONS = 1_500;
    static final ObjectMapper JSON = new ObjectMapper();
    static final SimulatedData DATA = SimulatedData.of(DatasetSpec.small(EngineFixture.NOW).withSeed(5));

    record Resource(String path, Class<?> type, Function<Long, ObjectNode> record) {}

    static final List<Resource> RESOURCES = List.of(
            new Resource("v1/SalesOrders", SalesOrder.class, id -> DATA.get(SimulatedData.SALES_ORDERS, id)),
            new Resource("v1/PurchaseOrders", PurchaseOrder.class, id -> DATA.get(SimulatedData.PURCHASE_ORDERS, 1 + id % 30)),
            new Resource("v1/BranchTransfers", BranchTransfer.class, id -> DATA.get(SimulatedData.BRANCH_TRANSFERS, 1 + id % 20)),
            new Resource("v1/Products", Product.class, id -> DATA.get(SimulatedData.PRODUCTS, 1 + id % 12)),
            new Resource("v1/Stock", StockItem.class, id -> DATA.get(SimulatedData.STOCK, 1 + id % 70)),
            new Resource("v1/Branches", Branch.class, id -> DATA.get(SimulatedData.BRANCHES, 1 + id % 3)));

    @Test
    void everyMutationMapsOrFailsTyped() {
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            Random random = new Random(SEED);
            for (int i = 0; i < MUTATIONS; i++) {
                Resource resource = RESOURCES.get(random.nextInt(RESOURCES.size()));
                ArrayNode page = JSON.createArrayNode();
                long first = 1 + random.nextInt(1_000);
                for (long id = first; id < first + 5; id++) {
                    page.add(resource.record().apply(id));
                }
                Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
                String body = mutation.apply(page, random);
                String outcome = readAndMap(resource, body, i, mutation);
                outcomes.merge(mutation + " -> " + outcome, 1, Integer::sum);
            }
        });
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MUTATIONS);
        assertThat(outcomes.keySet()).anyMatch(k -> k.endsWith("mapped")).anyMatch(k -> k.endsWith("invalid"))
                .anyMatch(k -> k.endsWith("truncated"));
    }

    private static String readAndMap(Resource resource, String body, int i, Mutation mutation) {
        List<?> records;
        try {
            records = Cin7Json.readPage(resource.type(), resource.path(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidResponseException e) {
            assertThat(e.getMessage()).startsWith("invalid response from " + resource.path() + " page 1");
            return "invalid";
        } catch (Cin7IoException e) {
            assertThat(e.getMessage()).contains("body cut short");
            return "truncated";
        } catch (Throwable e) {
            throw new AssertionError("mutation " + i + " (" + mutation + ", seed " + SEED + ") of " + resource.path()
                    + " threw " + e + "\nbody: " + body.substring(0, Math.min(2_000, body.length())), e);
        }
        try {
            map(records);
            return "mapped";
        } catch (Throwable e) {
            throw new AssertionError("mutation " + i + " (" + mutation + ", seed " + SEED + ") of " + resource.path()
                    + " failed to map: " + e + "\nbody: " + body.substring(0, Math.min(2_000, body.length())), e);
        }
    }

    /** Maps whatever was read, and writes each record's JSON as a sink would. */
    private static void map(List<?> records) throws IOException {
        Cin7Settings settings = Cin7Settings.defaults();
        List<Branch> branches = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        InventoryAccumulator inventory = null;
        for (Object r : records) {
            if (r instanceof Branch b) {
                branches.add(b);
            }
        }
        WarehouseDirectory dir = WarehouseDirectory.of(branches, settings);
        out.addAll(dir.warehouses());
        for (Object r : records) {
            if (r instanceof SalesOrder o) {
                add(out, SalesOrderMapping.map(o, settings, dir));
            } else if (r instanceof PurchaseOrder o) {
                add(out, ReplenishmentMapping.purchaseOrder(o, settings, dir));
            } else if (r instanceof BranchTransfer t) {
                add(out, ReplenishmentMapping.transfer(t, settings, dir));
            } else if (r instanceof Product p) {
                ProductMapping.map(p, settings, new SkuClaims()).forEach(o -> add(out, o));
            } else if (r instanceof StockItem s) {
                inventory = inventory == null ? new InventoryAccumulator(dir, Set.of(), EngineFixture.NOW) : inventory;
                inventory.add(s);
            }
        }
        if (inventory != null) {
            List<InventoryLevel> levels = inventory.levels();
            out.addAll(levels);
        }
        for (Object record : out) {
            MoselleJson.mapper().writeValueAsString(record);
        }
    }

    private static void add(List<Object> out, Outcome<?> outcome) {
        outcome.record().ifPresent(out::add);
    }

    /** Ways to spoil a page. */
    enum Mutation {
        WRONG_TYPE {
            @Override
            String apply(ArrayNode page, Random r) {
                ObjectNode target = randomObject(page, r);
                String field = randomField(target, r);
                JsonNode[] junk = {JsonNodeFactory.instance.textNode("NaN"), JsonNodeFactory.instance.numberNode(1.5),
                    JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.arrayNode().add(1),
                    JsonNodeFactory.instance.objectNode().put("a", 1), JsonNodeFactory.instance.textNode("2026-13-45T99:00:00Z"),
                    JsonNodeFactory.instance.numberNode(-7)};
                if (field != null) {
                    target.set(field, junk[r.nextInt(junk.length)]);
                }
                return page.toString();
            }
        },
        MISSING_FIELD {
            @Override
            String apply(ArrayNode page, Random r) {
                ObjectNode target = randomObject(page, r);
                String field = randomField(target, r);
                if (field != null) {
                    target.remove(field);
                }
                return page.toString();
            }
        },
        NULL_FIELD {
            @Override
            String apply(ArrayNode page, Random r) {
                ObjectNode target = randomObject(page, r);
                String field = randomField(target, r);
                if (field != null) {
                    target.putNull(field);
                }
                return page.toString();
            }
        },
        HUGE_NUMBER {
            @Override
            String apply(ArrayNode page, Random r) {
                ObjectNode target = randomObject(page, r);
                String field = randomField(target, r);
                String[] huge = {"1e400", "-1e400", "99999999999999999999999999", "1" + "0".repeat(900), "0.000000000000000000000000001",
                    "9223372036854775808"};
                String text = page.toString();
                if (field == null) {
                    return text;
                }
                target.put(field, "__HUGE__");
                return page.toString().replace("\"__HUGE__\"", huge[r.nextInt(huge.length)]);
            }
        },
        DEEP_JUNK {
            @Override
            String apply(ArrayNode page, Random r) {
                ObjectNode target = randomObject(page, r);
                int depth = 10 + r.nextInt(3_000);
                target.put(r.nextBoolean() ? "junk" : "lineItems", "__DEEP__");
                return page.toString().replace("\"__DEEP__\"", "[".repeat(depth) + "]".repeat(depth));
            }
        },
        ODD_UNICODE {
            @Override
            String apply(ArrayNode page, Random r) {
                ObjectNode target = randomObject(page, r);
                String[] odd = {"\u0000", "\uD83D\uDE00 emoji", "\u202Eright-to-left", "\uFEFFbom", "\uD800 lone surrogate", "é\u0301",
                    "\u00A0 nbsp \u2028 line sep", "'; DROP TABLE x; --", "\\u0000"};
                for (String field : List.of("reference", "code", "company", "source", "stage", "name", "status")) {
                    if (target.has(field) && r.nextBoolean()) {
                        target.put(field, odd[r.nextInt(odd.length)]);
                    }
                }
                return page.toString();
            }
        },
        DUPLICATE_KEY {
            @Override
            String apply(ArrayNode page, Random r) {
                String text = page.toString();
                int at = text.indexOf("\"id\":");
                return at < 0 ? text : text.substring(0, at) + "\"id\":" + r.nextInt(100) + "," + text.substring(at);
            }
        },
        TRUNCATED {
            @Override
            String apply(ArrayNode page, Random r) {
                String text = page.toString();
                return text.substring(0, r.nextInt(text.length()));
            }
        },
        GARBLED {
            @Override
            String apply(ArrayNode page, Random r) {
                char[] text = page.toString().toCharArray();
                for (int i = 0; i < 1 + r.nextInt(5); i++) {
                    String junk = "{}[],:\"x0 ";
                    text[r.nextInt(text.length)] = junk.charAt(r.nextInt(junk.length()));
                }
                return new String(text);
            }
        },
        WRONG_SHAPE {
            @Override
            String apply(ArrayNode page, Random r) {
                String[] shapes = {"{\"message\":\"An error has occurred.\"}", "null", "\"text\"", "42", "[null]", "[[]]", "[1,2]", "",
                    "{}", "[{}]"};
                return shapes[r.nextInt(shapes.length)];
            }
        };

        abstract String apply(ArrayNode page, Random r);

        /** A record of the page, or an object nested in it (a line, an option, custom fields). */
        static ObjectNode randomObject(ArrayNode page, Random r) {
            ObjectNode record = (ObjectNode) page.get(r.nextInt(page.size()));
            if (r.nextBoolean()) {
                for (Iterator<JsonNode> it = record.elements(); it.hasNext(); ) {
                    JsonNode child = it.next();
                    if (child.isArray() && child.size() > 0 && child.get(0).isObject()) {
                        return (ObjectNode) child.get(r.nextInt(child.size()));
                    }
                }
            }
            return record;
        }

        static String randomField(ObjectNode node, Random r) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return names.isEmpty() ? null : names.get(r.nextInt(names.size()));
        }
    }
}
