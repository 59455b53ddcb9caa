package io.moselle.cin7.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One simulated Cin7 account: its generated records, its "today", and the changes made to it
 * at run time. Every case of the mapping rules occurs: Shopify-sourced and blank-source orders,
 * void orders both ways, orders dispatched by date, by stage only and not at all, blank and
 * duplicate SKUs, the {@code productOptionCode} fallback, disabled options, inactive products
 * and branches, purchase orders and transfers in every state, repeated stock rows, negative
 * available stock, stock of unknown SKUs and branches, custom fields. Records change with
 * {@link #now()}: an order created yesterday is dispatched tomorrow. Thread-safe.
 */
public final class SimulatedData {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Resource names as in the URL, e.g. {@code SalesOrders}. */
    public static final String BRANCHES = "Branches";
    public static final String PRODUCTS = "Products";
    public static final String STOCK = "Stock";
    public static final String SALES_ORDERS = "SalesOrders";
    public static final String PURCHASE_ORDERS = "PurchaseOrders";
    public static final String BRANCH_TRANSFERS = "BranchTransfers";

    private static final String[] BRANCH_NAMES = {"Auckland Warehouse", "Wellington Store", "Christchurch DC",
        "Hamilton Outlet", "Dunedin Store", "Tauranga DC", "Napier Store", "Nelson Outlet"};
    private static final String[] SOURCES = {"Web Store", "POS", "B2B Portal", "Amazon", "web store"};
    private static final String[] SUPPLIERS = {"Acme Textiles", "Pacific Imports", "Kiwi Knits", "Southern Leather"};
    private static final String[] CATEGORIES = {"Apparel", "Footwear", "Accessories", " "};
    private static final String[] SIZES = {"S", "M", "L", "XL", "XXL"};
    private static final String[] COLOURS = {"Black", "Navy", "Red", "", "Olive"};

    private final DatasetSpec spec;
    private final Instant start;
    private volatile Instant now;
    private final Map<String, Table> tables;

    SimulatedData(DatasetSpec spec) {
        this.spec = spec;
        this.now = spec.now();
        this.start = spec.now().minus(Duration.ofDays(spec.historyDays()));
        this.tables = Map.of(
                key(BRANCHES), new Table(BRANCHES, new Fields(List.of("id", "company", "isActive", "branchType", "modifiedDate",
                        "createdDate", "address1", "city", "country")), true, new BranchGenerator()),
                key(PRODUCTS), new Table(PRODUCTS, new Fields(List.of("id", "status", "name", "styleCode", "category", "subCategory",
                        "brand", "createdDate", "modifiedDate", "customFields", "productOptions")), true, new ProductGenerator()),
                key(STOCK), new Table(STOCK, new Fields(List.of("productId", "productOptionId", "branchId", "branchName", "code",
                        "barcode", "productName", "modifiedDate", "available", "stockOnHand", "openSales", "incoming", "virtual",
                        "holding")), false, new StockGenerator()),
                key(SALES_ORDERS), new Table(SALES_ORDERS, new Fields(List.of("id", "reference", "createdDate", "modifiedDate",
                        "invoiceDate", "dispatchedDate", "status", "stage", "isVoid", "isApproved", "source", "branchId",
                        "distributionBranchId", "currencyCode", "memberId", "company", "customFields", "cancellationDate",
                        "lineItems")), true, new SalesOrderGenerator()),
                key(PURCHASE_ORDERS), new Table(PURCHASE_ORDERS, new Fields(List.of("id", "reference", "status", "stage", "isVoid",
                        "isApproved", "branchId", "memberId", "company", "createdDate", "modifiedDate", "currencyCode",
                        "estimatedDeliveryDate", "estimatedArrivalDate", "fullyReceivedDate", "supplierInvoiceReference",
                        "invoiceDate", "customFields", "lineItems")), true, new PurchaseOrderGenerator()),
                key(BRANCH_TRANSFERS), new Table(BRANCH_TRANSFERS, new Fields(List.of("id", "reference", "sourceBranchId",
                        "destinationBranchId", "createdDate", "modifiedDate", "isApproved", "approvalDate", "dispatchedDate",
                        "receivedDate", "stage", "customFields", "lineItems")), true, new TransferGenerator()));
    }

    /** An account's data without a server, e.g. to build pages for parser tests. */
    public static SimulatedData of(DatasetSpec spec) {
        return new SimulatedData(spec);
    }

    private static String key(String resource) {
        return resource.toLowerCase(Locale.ROOT);
    }

    public DatasetSpec spec() {
        return spec;
    }

    /** The account's current "today". */
    public Instant now() {
        return now;
    }

    /** Moves "today" on: new orders appear, open ones get dispatched, purchase orders received. */
    public void advance(Duration duration) {
        now = now.plus(duration).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The next day, as between two daily runs. */
    public void nextDay() {
        advance(Duration.ofDays(1));
    }

    Table table(String resource) {
        return tables.get(key(resource));
    }

    /** The record as it stands now (a copy), or null. */
    public ObjectNode get(String resource, long id) {
        ObjectNode record = table(resource).get(id, now);
        return record == null ? null : record.deepCopy();
    }

    /** The number of records of a resource now. */
    public long count(String resource) {
        return table(resource).size(now);
    }

    /** Changes a record as a Cin7 user would: applies {@code change} and bumps {@code modifiedDate} to now. */
    public void modify(String resource, long id, Consumer<ObjectNode> change) {
        modifyAt(resource, id, now, change);
    }

    /** Changes a record and sets its {@code modifiedDate} to {@code modifiedAt} (a backdated or future edit). */
    public void modifyAt(String resource, long id, Instant modifiedAt, Consumer<ObjectNode> change) {
        ObjectNode record = Objects.requireNonNull(get(resource, id), () -> resource + " " + id + " does not exist");
        change.accept(record);
        record.put("modifiedDate", modifiedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        table(resource).put(id, record);
    }

    /** Voids a sales order ({@code isVoid} true). */
    public void voidSalesOrder(long id) {
        modify(SALES_ORDERS, id, o -> o.put("isVoid", true));
    }

    /** Inserts a new, dispatched sales order created now, and returns its id (above every existing id). */
    public long insertSalesOrder() {
        Table t = table(SALES_ORDERS);
        long id = t.nextInsertKey(now);
        ObjectNode order = new SalesOrderGenerator().generate(1, now.plus(Duration.ofDays(30)));
        order.put("id", id).put("reference", "SO-" + id).put("createdDate", now.toString())
                .put("dispatchedDate", now.toString()).put("invoiceDate", now.toString()).put("modifiedDate", now.toString())
                .put("isVoid", false).put("status", "APPROVED").put("source", "POS");
        t.put(id, order);
        return id;
    }

    // ---------------------------------------------------------------- generators

    private SplittableRandom random(long id, int salt) {
        return new SplittableRandom(spec.seed() * 1_000_003L + id * 7_919L + salt * 104_729L);
    }

    private boolean hasInactiveBranch() {
        return spec.branches() >= 3;
    }

    private long activeBranch(SplittableRandom r) {
        int active = hasInactiveBranch() ? spec.branches() - 1 : spec.branches();
        return 1 + r.nextInt(active);
    }

    /** A branch for a transaction: mostly active ones, one in twenty the inactive one. */
    private long transactionBranch(SplittableRandom r) {
        return hasInactiveBranch() && r.nextInt(20) == 0 ? spec.branches() : activeBranch(r);
    }

    private String branchName(long branchId) {
        return branchId <= spec.branches() ? BRANCH_NAMES[(int) ((branchId - 1) % BRANCH_NAMES.length)]
                + (branchId > BRANCH_NAMES.length ? " " + branchId : "") : null;
    }

    static String sku(long product, int option) {
        return "SKU-" + product + "-" + option;
    }

    private String randomSku(SplittableRandom r) {
        return sku(1 + r.nextInt(spec.products()), 1 + r.nextInt(spec.optionsPerProduct()));
    }

    private static BigDecimal money(SplittableRandom r, int maxDollars) {
        return BigDecimal.valueOf(100 + r.nextInt(maxDollars * 100), 2);
    }

    private static String date(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private final class BranchGenerator implements Table.Generator {
        @Override
        public long size(Instant at) {
            return spec.branches();
        }

        @Override
        public ObjectNode generate(long id, Instant at) {
            ObjectNode b = JSON.createObjectNode();
            b.put("id", id).put("company", branchName(id)).put("isActive", !(hasInactiveBranch() && id == spec.branches()))
                    .put("branchType", id == 1 ? "Head Office" : (id % 2 == 0 ? "Retail Branch" : "Warehouse"))
                    .put("createdDate", date(start.minus(Duration.ofDays(400))))
                    .put("modifiedDate", date(start.plus(Duration.ofDays(id))))
                    .put("address1", id + " Queen Street").put("city", branchName(id).split(" ")[0]).put("country", "New Zealand");
            return b;
        }
    }

    private final class ProductGenerator implements Table.Generator {
        @Override
        public long size(Instant at) {
            return spec.products();
        }

        @Override
        public ObjectNode generate(long p, Instant at) {
            SplittableRandom r = random(p, 1);
            ObjectNode product = JSON.createObjectNode();
            product.put("id", p)
                    .put("status", p % 17 == 0 ? "Inactive" : (p % 19 == 0 ? "ShowInB2B" : "Public"))
                    .put("name", "Product " + p).put("styleCode", "STY-" + p)
                    .put("category", CATEGORIES[(int) (p % CATEGORIES.length)]).put("subCategory", "")
                    .put("brand", p % 3 == 0 ? "Moselle Basics" : "Southern Cross")
                    .put("createdDate", date(start.minus(Duration.ofDays(30))))
                    .put("modifiedDate", date(min(start.plus(Duration.ofDays(p % 300)), at)));
            ObjectNode custom = product.putObject("customFields");
            custom.put("season", p % 2 == 0 ? "Summer" : "Winter");
            custom.putNull("origin");
            ArrayNode options = product.putArray("productOptions");
            for (int k = 1; k <= spec.optionsPerProduct(); k++) {
                ObjectNode o = options.addObject();
                String code = sku(p, k);
                String optionCode = null;
                if (p % 23 == 0 && k == 1) {
                    code = "";                        // no SKU at all
                    optionCode = " ";
                } else if (p % 29 == 0 && k == 1) {
                    optionCode = code;                // only the newer field is filled
                    code = null;
                } else if (p % 31 == 0 && k == 2) {
                    code = sku(p, 1);                 // duplicate of option 1
                }
                o.put("id", p * 100 + k).put("productId", p).put("code", code).put("productOptionCode", optionCode)
                        .put("barcode", String.format(Locale.ROOT, "94%08d%02d", p, k))
                        .put("option1", SIZES[(k - 1) % SIZES.length]).put("option2", COLOURS[(int) ((p + k) % COLOURS.length)])
                        .put("option3", "").putNull("size")
                        .put("status", p % 13 == 0 && k == spec.optionsPerProduct() ? "Disabled" : (k == 1 ? "Primary" : "Active"))
                        .put("retailPrice", money(r, 200)).put("stockAvailable", r.nextInt(100)).put("stockOnHand", r.nextInt(120));
            }
            return product;
        }
    }

    /** One row per option per branch, then a few odd rows: repeats, an unknown branch, an unknown SKU. */
    private final class StockGenerator implements Table.Generator {
        private static final int EXTRA_ROWS = 4;

        private long regularRows() {
            return (long) spec.products() * spec.optionsPerProduct() * spec.branches();
        }

        @Override
        public long size(Instant at) {
            return regularRows() + EXTRA_ROWS;
        }

        @Override
        public ObjectNode generate(long key, Instant at) {
            long regular = regularRows();
            if (key > regular) {
                return extra((int) (key - regular), at);
            }
            long index = key - 1;
            long branch = index % spec.branches() + 1;
            long option = index / spec.branches();
            long p = option / spec.optionsPerProduct() + 1;
            int k = (int) (option % spec.optionsPerProduct()) + 1;
            SplittableRandom r = random(key, 2);
            String code = p % 23 == 0 && k == 1 ? "" : (p % 31 == 0 && k == 2 ? sku(p, 1) : sku(p, k));
            int onHand = r.nextInt(200);
            int openSales = r.nextInt(20);
            if (key % 37 == 0) {
                onHand = 2;
                openSales = 5;                        // negative available
            }
            return row(p, p * 100 + k, branch, code, onHand, openSales, r.nextInt(4) == 0 ? r.nextInt(50) : 0, at);
        }

        private ObjectNode extra(int which, Instant at) {
            return switch (which) {
                case 1 -> withOnHand(generate(1, at), 77);         // the same row again: the last one counts
                case 2 -> withOnHand(generate(2, at), 88);
                case 3 -> row(1, 101, 99, sku(1, 1), 5, 0, 0, at);  // a branch missing from v1/Branches
                default -> row(999_999, 99_999_901, 1, "SKU-UNKNOWN-1", 9, 1, 0, at); // not a known product
            };
        }

        private ObjectNode withOnHand(ObjectNode row, int onHand) {
            row.put("stockOnHand", onHand).put("available", onHand - row.get("openSales").asInt());
            return row;
        }

        private ObjectNode row(long p, long optionId, long branch, String code, int onHand, int openSales, int incoming, Instant at) {
            ObjectNode s = JSON.createObjectNode();
            s.put("productId", p).put("productOptionId", optionId).put("branchId", branch).put("branchName", branchName(branch))
                    .put("code", code).put("barcode", "").put("productName", "Product " + p)
                    .put("modifiedDate", date(at.minus(Duration.ofHours(optionId % 500))))
                    .put("available", onHand - openSales).put("stockOnHand", onHand).put("openSales", openSales)
                    .put("incoming", incoming).put("virtual", 0).put("holding", 0);
            return s;
        }
    }

    /** Orders created at a steady pace, changing as "today" moves on. */
    private abstract class PacedGenerator implements Table.Generator {
        /** Milliseconds between two records. */
        abstract long intervalMillis();

        @Override
        public long size(Instant at) {
            long interval = intervalMillis();
            return interval <= 0 ? 0 : Math.max(0, Duration.between(start, at).toMillis() / interval);
        }

        @Override
        public Instant createdOf(long id) {
            return start.plusMillis(id * intervalMillis()).truncatedTo(ChronoUnit.SECONDS);
        }

        @Override
        public long firstKeyCreatedAtOrAfter(Instant instant) {
            long millis = Duration.between(start, instant).toMillis();
            if (millis <= 0) {
                return 1;
            }
            long id = millis / intervalMillis();
            while (id > 1 && !createdOf(id - 1).isBefore(instant)) {
                id--;
            }
            while (createdOf(id).isBefore(instant)) {
                id++;
            }
            return id;
        }
    }

    private final class SalesOrderGenerator extends PacedGenerator {
        @Override
        long intervalMillis() {
            return spec.ordersPerDay() == 0 ? 0 : 86_400_000L / spec.ordersPerDay();
        }

        @Override
        public Duration maxLag() {
            return Duration.ofDays(3).plusHours(6);
        }

        @Override
        public ObjectNode generate(long id, Instant at) {
            SplittableRandom r = random(id, 3);
            Instant created = createdOf(id);
            Instant dispatchAt = created.plusSeconds(6 * 3600 + r.nextInt(3 * 86_400));
            boolean dispatchTimeReached = !dispatchAt.isAfter(at);
            int kind = r.nextInt(100);
            int sourceRoll = r.nextInt(20);
            String source = sourceRoll < 2 ? "Shopify" : (sourceRoll == 2 ? "" : (sourceRoll == 3 ? " shopify POS " : SOURCES[r.nextInt(SOURCES.length)]));
            boolean shopify = source.toLowerCase(Locale.ROOT).contains("shopify");

            ObjectNode o = JSON.createObjectNode();
            o.put("id", id).put("reference", shopify ? "#" + (1000 + id) : "SO-" + id)
                    .put("createdDate", date(created)).put("status", "APPROVED").put("isVoid", false).put("isApproved", true)
                    .put("source", source).put("branchId", transactionBranch(r)).put("distributionBranchId", 0)
                    .put("currencyCode", "NZD").put("memberId", 5_000 + r.nextInt(500)).put("company", "Customer " + r.nextInt(500))
                    .putNull("cancellationDate").putNull("invoiceDate").putNull("dispatchedDate");
            Instant modified = created;
            if (kind < 4) {                                   // void by flag, even when dispatched
                o.put("isVoid", true).put("stage", "Dispatched");
                if (dispatchTimeReached) {
                    o.put("dispatchedDate", date(dispatchAt));
                }
                modified = created.plusSeconds(3600);
            } else if (kind < 6) {                            // void by status
                o.put("status", "VOID").put("stage", "Cancelled");
                modified = created.plusSeconds(1800);
            } else if (kind < 14) {                           // dispatched by stage only
                o.put("stage", dispatchTimeReached ? (kind % 2 == 0 ? "Fully Dispatched" : "dispatched") : "Processing");
                modified = dispatchTimeReached ? dispatchAt : created;
            } else if (kind < 20) {                           // never dispatched
                o.put("stage", "On Hold").put("isApproved", kind % 2 == 0);
            } else if (dispatchTimeReached) {                 // dispatched by date
                o.put("stage", kind % 3 == 0 ? "Fully Dispatched" : "Dispatched").put("dispatchedDate", date(dispatchAt));
                if (kind % 5 != 0) {
                    o.put("invoiceDate", date(dispatchAt));
                }
                modified = dispatchAt;
            } else {
                o.put("stage", kind % 2 == 0 ? "New" : "Awaiting Payment");
            }
            o.put("modifiedDate", date(modified));
            ObjectNode custom = o.putObject("customFields");
            custom.put("orders_1000", kind % 3 == 0 ? "High" : "Normal");
            custom.putNull("orders_1001");
            lines(o.putArray("lineItems"), r, id);
            return o;
        }

        private void lines(ArrayNode lines, SplittableRandom r, long id) {
            if (spec.linesPerOrder() > 0) {
                for (int i = 0; i < spec.linesPerOrder(); i++) {
                    line(lines, r, id, i, randomSku(r), 1 + r.nextInt(5), 0);
                }
                return;
            }
            int count = 1 + r.nextInt(4);
            for (int i = 0; i < count; i++) {
                line(lines, r, id, i, randomSku(r), 1 + r.nextInt(5), 0);
            }
            int odd = r.nextInt(100);
            if (odd < 3) {
                line(lines, r, id, count, "", 1, 0);                 // blank code
            } else if (odd < 6) {
                line(lines, r, id, count, randomSku(r), 0, 0);       // zero quantity
            } else if (odd < 8) {                                     // a kit and its components
                long parent = line(lines, r, id, count, "KIT-" + (1 + r.nextInt(5)), 1, 0);
                line(lines, r, id, count + 1, randomSku(r), 2, parent);
                line(lines, r, id, count + 2, randomSku(r), 1, parent);
            } else if (odd < 9) {
                line(lines, r, id, count, randomSku(r), -1, 0);      // a return
            }
        }

        private long line(ArrayNode lines, SplittableRandom r, long orderId, int index, String code, int qty, long parentId) {
            long lineId = orderId * 10 + index;
            BigDecimal price = money(r, 80);
            lines.addObject().put("id", lineId).put("productId", 0).put("productOptionId", 0).put("code", code)
                    .put("name", code.isEmpty() ? "Freight" : "Item " + code).put("qty", qty).put("qtyShipped", qty)
                    .put("unitPrice", price).put("discount", r.nextInt(10) == 0 ? BigDecimal.valueOf(5) : BigDecimal.ZERO)
                    .put("parentId", parentId).put("sort", index + 1);
            return lineId;
        }
    }

    private final class PurchaseOrderGenerator extends PacedGenerator {
        @Override
        long intervalMillis() {
            return spec.purchaseOrders() == 0 ? 0 : spec.historyDays() * 86_400_000L / spec.purchaseOrders();
        }

        @Override
        public Duration maxLag() {
            return Duration.ofDays(60);
        }

        @Override
        public ObjectNode generate(long id, Instant at) {
            SplittableRandom r = random(id, 4);
            Instant created = createdOf(id);
            Instant arrival = created.plus(Duration.ofDays(5 + r.nextInt(55)));
            int kind = r.nextInt(100);
            ObjectNode o = JSON.createObjectNode();
            o.put("id", id).put("reference", "PO-" + id).put("status", "APPROVED").put("stage", "").put("isVoid", false)
                    .put("isApproved", true).put("branchId", transactionBranch(r)).put("memberId", 100 + r.nextInt(SUPPLIERS.length))
                    .put("company", SUPPLIERS[r.nextInt(SUPPLIERS.length)]).put("createdDate", date(created))
                    .put("currencyCode", "NZD").put("supplierInvoiceReference", "").putNull("invoiceDate")
                    .putNull("fullyReceivedDate").putNull("estimatedDeliveryDate").putNull("estimatedArrivalDate");
            if (kind % 4 == 0) {
                o.put("estimatedDeliveryDate", date(arrival));
            } else {
                o.put("estimatedArrivalDate", date(arrival)).put("estimatedDeliveryDate", date(arrival.minus(Duration.ofDays(2))));
            }
            Instant modified = created;
            boolean arrived = !arrival.isAfter(at);
            if (kind < 5) {
                o.put("isVoid", true);
            } else if (kind < 10) {
                o.put("status", "VOID");
            } else if (kind < 15) {
                o.put("status", "DRAFT").put("isApproved", false);
            } else if (kind < 20) {
                o.put("isApproved", false);
            } else if (arrived && kind < 36) {
                o.put("stage", "Received");                    // received by stage only
                modified = arrival;
            } else if (arrived) {
                o.put("stage", "Received").put("fullyReceivedDate", date(arrival)).put("invoiceDate", date(arrival));
                modified = arrival;
            }
            o.put("modifiedDate", date(modified));
            o.putObject("customFields").put("purchases_1000", kind % 2 == 0 ? "Sea" : "Air");
            ArrayNode lines = o.putArray("lineItems");
            int count = 1 + r.nextInt(5);
            for (int i = 0; i < count; i++) {
                int odd = r.nextInt(40);
                lines.addObject().put("id", id * 10 + i).put("productId", 0).put("productOptionId", 0)
                        .put("code", odd == 0 ? "" : randomSku(r)).put("qty", odd == 1 ? 0 : 10 + r.nextInt(90))
                        .put("qtyShipped", 0).put("unitPrice", money(r, 40));
            }
            return o;
        }
    }

    private final class TransferGenerator extends PacedGenerator {
        @Override
        long intervalMillis() {
            return spec.transfers() == 0 ? 0 : spec.historyDays() * 86_400_000L / spec.transfers();
        }

        @Override
        public Duration maxLag() {
            return Duration.ofDays(16);
        }

        @Override
        public ObjectNode generate(long id, Instant at) {
            SplittableRandom r = random(id, 5);
            Instant created = createdOf(id);
            Instant dispatched = created.plus(Duration.ofDays(1));
            Instant received = dispatched.plus(Duration.ofDays(1 + r.nextInt(14)));
            int kind = r.nextInt(100);
            long source = activeBranch(r);
            long destination = kind < 3 ? source : (hasInactiveBranch() && kind < 6 ? spec.branches() : other(source, r));
            ObjectNode t = JSON.createObjectNode();
            t.put("id", id).put("reference", "TR-" + id).put("sourceBranchId", source).put("destinationBranchId", destination)
                    .put("createdDate", date(created)).put("isApproved", true).put("approvalDate", date(created))
                    .putNull("dispatchedDate").putNull("receivedDate").put("stage", "");
            Instant modified = created;
            boolean moving = kind >= 20;
            if (kind >= 6 && kind < 10) {
                t.put("isApproved", false).putNull("approvalDate");       // draft
            } else if (kind >= 10 && kind < 14) {
                t.put("stage", kind % 2 == 0 ? "In Transit" : "Dispatched");
            } else if (kind >= 14 && kind < 20) {
                t.put("stage", new String[] {"Completed", "Received", "complete"}[kind % 3]);
            } else if (moving && !dispatched.isAfter(at)) {
                t.put("dispatchedDate", date(dispatched)).put("stage", "Dispatched");
                modified = dispatched;
                if (!received.isAfter(at) && kind >= 25) {      // one in twenty stays in transit
                    t.put("receivedDate", date(received)).put("stage", "Received");
                    modified = received;
                }
            }
            t.put("modifiedDate", date(modified));
            t.putObject("customFields").put("transfers_1000", "Truck");
            boolean sent = t.hasNonNull("dispatchedDate");
            ArrayNode lines = t.putArray("lineItems");
            int count = 1 + r.nextInt(4);
            for (int i = 0; i < count; i++) {
                int qty = r.nextInt(30) == 0 ? 0 : 1 + r.nextInt(40);
                int transferred = sent ? Math.max(0, qty - (r.nextInt(5) == 0 ? 1 : 0)) : 0;
                lines.addObject().put("id", id * 10 + i).put("productId", 0).put("productOptionId", 0)
                        .put("code", r.nextInt(40) == 0 ? " " : randomSku(r)).put("qty", qty)
                        .put("qtyTransferred", transferred).put("unitCost", money(r, 30));
            }
            return t;
        }

        private long other(long branch, SplittableRandom r) {
            int active = hasInactiveBranch() ? spec.branches() - 1 : spec.branches();
            if (active < 2) {
                return branch;
            }
            long pick = 1 + r.nextInt(active - 1);
            return pick >= branch ? pick + 1 : pick;
        }
    }
}
