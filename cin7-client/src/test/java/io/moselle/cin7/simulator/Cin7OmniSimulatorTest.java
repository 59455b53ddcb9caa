package io.moselle.cin7.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.moselle.cin7.client.AuthenticationException;
import io.moselle.cin7.client.BadRequestException;
import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.Order;
import io.moselle.cin7.client.PermissionDeniedException;
import io.moselle.cin7.client.RateLimitException;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.client.RetryPolicy;
import io.moselle.cin7.client.Where;
import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.BranchTransfer;
import io.moselle.cin7.client.model.OptionStatus;
import io.moselle.cin7.client.model.OrderStatus;
import io.moselle.cin7.client.model.Product;
import io.moselle.cin7.client.model.ProductOption;
import io.moselle.cin7.client.model.ProductStatus;
import io.moselle.cin7.client.model.PurchaseOrder;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.cin7.client.model.StockItem;
import io.moselle.cin7.testing.FakeClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's behaviour, checked with the real client. */
class Cin7OmniSimulatorTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static Cin7OmniSimulator sim;
    static Cin7Client client;

    @BeforeAll
    static void start() {
        sim = Cin7OmniSimulator.start(DatasetSpec.demo(NOW));
        client = clientFor(sim, sim.credentials()).build();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static Cin7Client.Builder clientFor(Cin7OmniSimulator simulator, Credentials credentials) {
        return Cin7Client.builder().baseUri(simulator.baseUri()).credentials(credentials)
                .httpVersion(HttpClient.Version.HTTP_1_1).rateLimits(RateLimits.unlimited()).callBudget(CallBudget.unlimited());
    }

    static <T> List<T> all(io.moselle.cin7.client.Pager<T> pager) {
        return pager.stream().collect(Collectors.toList());
    }

    @Test
    void servesOnLoopbackWithCredentials() {
        assertThat(sim.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(sim.baseUri().getPath()).isEqualTo("/api/");
        assertThat(all(client.branches().list())).hasSize(4);
    }

    @Test
    void refusesBadCredentialsAndForbiddenResources() {
        assertThatThrownBy(() -> all(clientFor(sim, Credentials.of(Cin7OmniSimulator.DEFAULT_USERNAME, "wrong")).build().branches().list()))
                .isInstanceOf(AuthenticationException.class);
        try (Cin7OmniSimulator other = Cin7OmniSimulator.start(DatasetSpec.small(NOW))) {
            other.forbid("SalesOrders");
            Cin7Client c = clientFor(other, other.credentials()).build();
            assertThatThrownBy(() -> all(c.salesOrders().list())).isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining("403");
            assertThat(all(c.branches().list())).isNotEmpty();
        }
    }

    @Test
    void datasetIsDeterministic() {
        SimulatedData a = new SimulatedData(DatasetSpec.demo(NOW));
        SimulatedData b = new SimulatedData(DatasetSpec.demo(NOW));
        for (long id : List.of(1L, 777L, 14_000L)) {
            assertThat(a.get(SimulatedData.SALES_ORDERS, id)).isEqualTo(b.get(SimulatedData.SALES_ORDERS, id));
        }
        assertThat(a.get(SimulatedData.SALES_ORDERS, 5)).isNotEqualTo(new SimulatedData(DatasetSpec.demo(NOW).withSeed(9)).get(SimulatedData.SALES_ORDERS, 5));
        assertThat(a.count(SimulatedData.SALES_ORDERS)).isEqualTo(DatasetSpec.demo(NOW).salesOrderCount());
    }

    @Test
    void everyCaseOfTheMappingRulesOccurs() {
        List<SalesOrder> orders = all(client.salesOrders().list(ListQuery.builder().afterId(0).build()));
        assertThat(orders).hasSize((int) sim.data().count(SimulatedData.SALES_ORDERS));
        assertThat(orders).anyMatch(o -> Boolean.TRUE.equals(o.isVoid()) && OrderStatus.APPROVED.equals(o.status()));
        assertThat(orders).anyMatch(o -> Boolean.TRUE.equals(o.isVoid()) && o.dispatchedDate() != null);
        assertThat(orders).anyMatch(o -> OrderStatus.VOID.equals(o.status()) && Boolean.FALSE.equals(o.isVoid()));
        assertThat(orders).anyMatch(o -> "Shopify".equals(o.source()));
        assertThat(orders).anyMatch(o -> o.source() != null && o.source().contains("shopify") && !o.source().equals("Shopify"));
        assertThat(orders).anyMatch(o -> o.source() == null);
        assertThat(orders).anyMatch(o -> o.dispatchedDate() != null && !Boolean.TRUE.equals(o.isVoid()));
        assertThat(orders).anyMatch(o -> o.dispatchedDate() == null && "Fully Dispatched".equals(o.stage()));
        assertThat(orders).anyMatch(o -> o.dispatchedDate() == null && "dispatched".equals(o.stage()));
        assertThat(orders).anyMatch(o -> o.dispatchedDate() == null && "On Hold".equals(o.stage()));
        assertThat(orders).anyMatch(o -> o.dispatchedDate() != null && o.invoiceDate() == null);
        assertThat(orders).anyMatch(o -> o.lineItems().stream().anyMatch(l -> l.code() == null));
        assertThat(orders).anyMatch(o -> o.lineItems().stream().anyMatch(l -> l.qty().signum() == 0));
        assertThat(orders).anyMatch(o -> o.lineItems().stream().anyMatch(l -> l.qty().signum() < 0));
        assertThat(orders).anyMatch(o -> o.lineItems().stream().anyMatch(l -> l.parentId() != null && l.parentId() > 0));
        assertThat(orders).anyMatch(o -> o.branchId() == 4L);
        assertThat(orders).allMatch(o -> o.customFields().containsKey("orders_1000"));
        assertThat(orders).extracting(SalesOrder::modifiedDate).allMatch(d -> !d.isAfter(NOW));

        List<Product> products = all(client.products().list());
        List<ProductOption> options = products.stream().flatMap(p -> p.productOptions().stream()).toList();
        assertThat(products).anyMatch(p -> ProductStatus.INACTIVE.equals(p.status()));
        assertThat(products).anyMatch(p -> p.category() == null);
        assertThat(options).anyMatch(o -> o.code() == null && o.productOptionCode() == null);
        assertThat(options).anyMatch(o -> o.code() == null && o.productOptionCode() != null);
        assertThat(options).anyMatch(o -> OptionStatus.DISABLED.equals(o.status()));
        assertThat(options.stream().map(ProductOption::code).filter(Objects::nonNull).collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .containsValue(2L);

        assertThat(all(client.branches().list())).anyMatch(b -> Boolean.FALSE.equals(b.isActive()));

        List<StockItem> stock = all(client.stock().list());
        assertThat(stock).anyMatch(s -> s.available().signum() < 0);
        assertThat(stock).anyMatch(s -> s.code() == null);
        assertThat(stock).anyMatch(s -> s.branchId() == 99L);
        assertThat(stock).anyMatch(s -> "SKU-UNKNOWN-1".equals(s.code()));
    }

    @Test
    void stockRowsRepeatForTheSameOptionAndBranch() {
        List<StockItem> stock = all(client.stock().list());
        Set<String> seen = new HashSet<>();
        long repeats = stock.stream().filter(s -> !seen.add(s.productOptionId() + "/" + s.branchId())).count();
        assertThat(repeats).isEqualTo(2);
        assertThat(stock).hasSize((int) sim.data().count(SimulatedData.STOCK));
    }

    @Test
    void purchaseOrdersAndTransfersInEveryState() {
        List<PurchaseOrder> pos = all(client.purchaseOrders().list());
        assertThat(pos).anyMatch(p -> Boolean.TRUE.equals(p.isVoid()));
        assertThat(pos).anyMatch(p -> OrderStatus.VOID.equals(p.status()));
        assertThat(pos).anyMatch(p -> OrderStatus.DRAFT.equals(p.status()));
        assertThat(pos).anyMatch(p -> Boolean.FALSE.equals(p.isApproved()) && OrderStatus.APPROVED.equals(p.status()));
        assertThat(pos).anyMatch(p -> p.fullyReceivedDate() != null);
        assertThat(pos).anyMatch(p -> p.fullyReceivedDate() == null && "Received".equals(p.stage()));
        assertThat(pos).anyMatch(p -> p.fullyReceivedDate() == null && p.stage() == null && OrderStatus.APPROVED.equals(p.status())
                && Boolean.TRUE.equals(p.isApproved()) && !Boolean.TRUE.equals(p.isVoid()));
        assertThat(pos).anyMatch(p -> p.estimatedArrivalDate() == null && p.estimatedDeliveryDate() != null);

        List<BranchTransfer> transfers = all(client.branchTransfers().list());
        assertThat(transfers).anyMatch(t -> t.receivedDate() != null);
        assertThat(transfers).anyMatch(t -> t.dispatchedDate() != null && t.receivedDate() == null);
        assertThat(transfers).anyMatch(t -> t.dispatchedDate() == null && "In Transit".equals(t.stage()));
        assertThat(transfers).anyMatch(t -> t.dispatchedDate() == null && "Completed".equals(t.stage()));
        assertThat(transfers).anyMatch(t -> t.dispatchedDate() == null && t.stage() == null);
        assertThat(transfers).anyMatch(t -> Objects.equals(t.sourceBranchId(), t.destinationBranchId()));
        assertThat(transfers).anyMatch(t -> t.destinationBranchId() == 4L);
    }

    @Test
    void whereSelectsAWindowLikeABruteForceFilter() {
        Instant from = NOW.minus(Duration.ofDays(30));
        Instant to = NOW.minus(Duration.ofDays(20));
        Where window = Where.field("modifiedDate").atLeast(from).and(Where.field("ModifiedDate").before(to));
        List<Long> served = all(client.salesOrders().list(ListQuery.builder().where(window).afterId(0).build()))
                .stream().map(SalesOrder::id).toList();
        List<Long> expected = all(client.salesOrders().list(ListQuery.builder().afterId(0).build())).stream()
                .filter(o -> !o.modifiedDate().isBefore(from) && o.modifiedDate().isBefore(to)).map(SalesOrder::id).toList();
        assertThat(served).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void idBoundsSelectARangeOfIdsChangedRecordsIncluded() {
        sim.data().modify(SimulatedData.SALES_ORDERS, 40, o -> o.put("reference", "changed"));
        long inserted = sim.data().insertSalesOrder();
        Where range = Where.field("id").atMost(60);

        assertThat(all(client.salesOrders().list(ListQuery.builder().where(range).afterId(30).build())))
                .extracting(SalesOrder::id).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(31, 60).boxed().toList());
        assertThat(all(client.salesOrders().list(ListQuery.builder().where(Where.field("id").lessThan(inserted + 1)).afterId(inserted - 1).build())))
                .extracting(SalesOrder::id).containsExactly(inserted);
        assertThat(all(client.salesOrders().list(ListQuery.builder().where(range).afterId(61).build()))).isEmpty();
    }

    @Test
    void whereSupportsInAndCaseInsensitiveText() {
        assertThat(all(client.salesOrders().list(ListQuery.builder().where(Where.field("id").in(3, 5, 8)).build())))
                .extracting(SalesOrder::id).containsExactlyInAnyOrder(3L, 5L, 8L);
        List<SalesOrder> shopify = all(client.salesOrders().list(ListQuery.builder().where(Where.field("source").eq("SHOPIFY")).build()));
        assertThat(shopify).isNotEmpty().allMatch(o -> o.source().equalsIgnoreCase("shopify"));
        assertThat(all(client.branches().list(ListQuery.builder().where(Where.field("company").notEq("Auckland Warehouse")).build())))
                .hasSize(3);
    }

    @Test
    void aQuotedValueCannotChangeTheQuery() {
        String hostile = "SO-1' OR id>0 OR reference='";
        assertThat(all(client.salesOrders().list(ListQuery.builder().where(Where.field("reference").eq(hostile)).build()))).isEmpty();
        assertThat(all(client.salesOrders().list(ListQuery.builder().where(Where.field("reference").eq("SO-1")).build())))
                .extracting(SalesOrder::id).containsExactly(1L);
    }

    @Test
    void unknownFieldsAndBadSyntaxAnswer400WithAMessage() throws Exception {
        assertThatThrownBy(() -> all(client.salesOrders().list(ListQuery.builder().where(Where.field("modifedDate").atLeast(NOW)).build())))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid column name 'modifedDate'");
        HttpResponse<String> r = raw("v1/SalesOrders?where=" + enc("id > 3 OR id < 2"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("{\"message\":");
        assertThat(raw("v1/SalesOrders?where=" + enc("reference='open")).statusCode()).isEqualTo(400);
        assertThat(raw("v1/SalesOrders?order=" + enc("nope ASC")).statusCode()).isEqualTo(400);
        assertThat(raw("v1/SalesOrders?fields=id,nope").statusCode()).isEqualTo(400);
    }

    @Test
    void answersBareArraysInCamelCaseWithFieldsProjectionAndCappedRows() throws Exception {
        HttpResponse<String> r = raw("v1/SalesOrders?fields=id,Reference,modifiedDate&order=" + enc("id ASC") + "&rows=1000&page=1");
        JsonNode body = SimulatedData.JSON.readTree(r.body());
        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(250);
        Set<String> keys = new HashSet<>();
        body.get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "reference", "modifiedDate");
        assertThat(body.get(0).get("modifiedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode defaultPage = SimulatedData.JSON.readTree(raw("v1/SalesOrders").body());
        assertThat(defaultPage).hasSize(50);
        assertThat(defaultPage.get(0).get("id").asLong()).isGreaterThan(defaultPage.get(1).get("id").asLong());
        assertThat(defaultPage.get(0).get("status").asText()).isUpperCase();
        assertThat(raw("v1/SalesOrders/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void ordersWithDirection() {
        List<Branch> desc = all(client.branches().list(ListQuery.builder().order(Order.desc("company")).build()));
        assertThat(desc).extracting(Branch::company).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
        assertThat(client.salesOrders().list(ListQuery.builder().order(Order.desc("modifiedDate")).rows(50).build()).pages().iterator().next().items())
                .extracting(SalesOrder::modifiedDate).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void getReadsOneRecord() {
        assertThat(client.salesOrders().get(12)).map(SalesOrder::reference).hasValueSatisfying(r -> assertThat(r).endsWith("12"));
        assertThat(client.salesOrders().get(999_999_999)).isEmpty();
    }

    @Test
    void enforcesRateLimitsPerCredentialWithPlainText429() throws Exception {
        FakeClock clock = new FakeClock(NOW);
        try (Cin7OmniSimulator limited = Cin7OmniSimulator.start(DatasetSpec.small(NOW), SimulatorOptions.cin7Limits().withClock(clock))) {
            Credentials second = Credentials.of("Second", "second-key");
            limited.addAccount(second, DatasetSpec.small(NOW));
            Cin7Client eager = clientFor(limited, limited.credentials()).retryPolicy(RetryPolicy.none()).build();
            for (int i = 0; i < 3; i++) {
                eager.branches().list().stream().count();
            }
            assertThatThrownBy(() -> eager.branches().list().stream().count())
                    .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)))
                    .hasMessageContaining("429: Too many requests");
            // another credential has its own window
            clientFor(limited, second).retryPolicy(RetryPolicy.none()).build().branches().list().stream().count();
            clock.advance(Duration.ofSeconds(1));
            eager.branches().list().stream().count();

            // a client pacing at the same limits, on the same clock, never sees a 429
            limited.clearJournal();
            clock.advance(Duration.ofMinutes(2));
            Cin7Client paced = clientFor(limited, limited.credentials()).rateLimits(RateLimits.of(3, 60).withMargin(Duration.ZERO))
                    .clock(clock).sleeper(clock.sleeper()).retryPolicy(RetryPolicy.none()).build();
            for (int i = 0; i < 70; i++) {
                paced.branches().list().stream().count();
            }
            assertThat(limited.journal()).hasSize(70).allMatch(e -> e.status() == 200);
        }
    }

    @Test
    void anotherAppSpendsItsShareOfEachMinuteAndOursIsRefusedWhenTheSumIsFull() {
        FakeClock clock = new FakeClock(NOW);
        try (Cin7OmniSimulator shared = Cin7OmniSimulator.start(DatasetSpec.small(NOW), SimulatorOptions.unlimited()
                .withRateLimits(0, 60, 0).withOtherAppCallsPerMinute(30).withClock(clock))) {
            Cin7Client c = clientFor(shared, shared.credentials()).retryPolicy(RetryPolicy.none()).build();
            int accepted = 0;
            for (int second = 0; second < 240; second++) { // four minutes, one attempt a second; the first warms the window up
                try {
                    c.branches().list().stream().count();
                    accepted += second >= 60 ? 1 : 0;
                } catch (RateLimitException e) {
                    assertThat(e.retryAfter()).isPresent();
                }
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(accepted).as("three minutes at 60 a minute, less the other app's 30").isBetween(88, 92);
        }
    }

    @Test
    void everyPageTakesItsSeededLatencyByRowsReturned() {
        Latency latency = new Latency(Duration.ofMillis(20), Duration.ofMillis(1), 0.25, 7);
        try (Cin7OmniSimulator slow = Cin7OmniSimulator.start(DatasetSpec.small(NOW), SimulatorOptions.unlimited().withLatency(latency))) {
            Cin7Client c = clientFor(slow, slow.credentials()).build();
            c.salesOrders().list(io.moselle.cin7.client.ListQuery.builder().rows(40).build()).pages().iterator().next();
            c.branches().list().stream().count();
            c.salesOrders().list(io.moselle.cin7.client.ListQuery.builder().rows(40).build()).pages().iterator().next();

            List<JournalEntry> journal = slow.journal();
            String first = slow.credentials().username() + " " + journal.get(0).resource() + "?" + new java.util.TreeMap<>(journal.get(0).query());
            assertThat(journal.get(0).latency()).isEqualTo(latency.of(first, 1, 40));
            assertThat(journal.get(2).latency()).as("the same request answered again draws again").isEqualTo(latency.of(first, 2, 40));
            assertThat(journal).allSatisfy(e -> assertThat(e.latency()).isBetween(Duration.ofMillis(15), Duration.ofMillis(75)));
        }
    }

    @Test
    void latencyIsABasePlusACostPerRowSpreadByItsJitter() {
        Latency exact = new Latency(Duration.ofMillis(100), Duration.ofMillis(4), 0, 1);
        assertThat(exact.of("r", 1, 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(exact.of("r", 1, 250)).isEqualTo(Duration.ofMillis(1_100));
        Latency jittered = new Latency(Duration.ofMillis(100), Duration.ofMillis(4), 0.2, 1);
        for (int i = 1; i <= 200; i++) {
            assertThat(jittered.of("r", i, 250)).isBetween(Duration.ofMillis(880), Duration.ofMillis(1_320));
        }
        assertThat(jittered.of("r", 3, 250)).as("seeded").isEqualTo(new Latency(Duration.ofMillis(100), Duration.ofMillis(4), 0.2, 1).of("r", 3, 250));
        assertThat(Latency.perPage(Duration.ofSeconds(2), 0, 1).of("r", 1, 250)).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> new Latency(Duration.ofMillis(-1), Duration.ZERO, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enforcesTheDailyLimit() {
        FakeClock clock = new FakeClock(NOW);
        try (Cin7OmniSimulator limited = Cin7OmniSimulator.start(DatasetSpec.small(NOW), SimulatorOptions.unlimited()
                .withRateLimits(0, 0, 5).withClock(clock))) {
            Cin7Client c = clientFor(limited, limited.credentials()).retryPolicy(RetryPolicy.none()).build();
            for (int i = 0; i < 5; i++) {
                c.branches().list().stream().count();
            }
            assertThatThrownBy(() -> c.branches().list().stream().count()).isInstanceOf(RateLimitException.class);
            clock.advance(Duration.ofDays(1));
            c.branches().list().stream().count();
        }
    }

    @Test
    void injectsScriptedFaultsThatTheClientSurvives() {
        try (Cin7OmniSimulator faulty = Cin7OmniSimulator.start(DatasetSpec.small(NOW))) {
            FakeClock clock = new FakeClock(NOW);
            faulty.injectFaults(FaultKind.HTTP_500, FaultKind.HTTP_502, FaultKind.HTTP_503, FaultKind.RATE_LIMITED,
                    FaultKind.TRUNCATED_BODY, FaultKind.DROPPED_CONNECTION);
            Cin7Client c = clientFor(faulty, faulty.credentials()).clock(clock).sleeper(clock.sleeper())
                    .retryPolicy(RetryPolicy.defaults().withMaxAttempts(10)).build();
            assertThat(all(c.branches().list())).hasSize(3);
            assertThat(faulty.journal()).extracting(JournalEntry::fault).containsSubsequence(FaultKind.HTTP_500, FaultKind.HTTP_502,
                    FaultKind.HTTP_503, FaultKind.RATE_LIMITED, FaultKind.TRUNCATED_BODY, FaultKind.DROPPED_CONNECTION);
            assertThat(faulty.journal().get(faulty.journal().size() - 1).status()).isEqualTo(200);
        }
    }

    @Test
    void slowRepliesTimeOutAndAreRetried() {
        try (Cin7OmniSimulator slow = Cin7OmniSimulator.start(DatasetSpec.small(NOW), SimulatorOptions.unlimited()
                .withSlowReplyDelay(Duration.ofMillis(1500)))) {
            slow.injectFaults(FaultKind.SLOW_REPLY);
            FakeClock clock = new FakeClock(NOW);
            Cin7Client c = clientFor(slow, slow.credentials()).requestTimeout(Duration.ofMillis(300))
                    .clock(clock).sleeper(clock.sleeper()).build();
            assertThat(all(c.branches().list())).hasSize(3);
            assertThat(slow.journal()).hasSize(2);
        }
    }

    @Test
    void randomFaultsAreSeeded() {
        List<FaultKind> first = faultsSeen(11);
        assertThat(first).isEqualTo(faultsSeen(11)).contains(FaultKind.HTTP_503);
    }

    private static List<FaultKind> faultsSeen(long seed) {
        try (Cin7OmniSimulator faulty = Cin7OmniSimulator.start(DatasetSpec.small(NOW),
                SimulatorOptions.unlimited().withFault(FaultKind.HTTP_503, 0.3).withFaultSeed(seed))) {
            FakeClock clock = new FakeClock(NOW);
            Cin7Client c = clientFor(faulty, faulty.credentials()).clock(clock).sleeper(clock.sleeper())
                    .retryPolicy(RetryPolicy.defaults().withMaxAttempts(20)).build();
            for (int i = 0; i < 20; i++) {
                c.branches().list().stream().count();
            }
            return faulty.journal().stream().map(JournalEntry::fault).toList();
        }
    }

    @Test
    void dataChangesBetweenPagesAreServed() {
        try (Cin7OmniSimulator live = Cin7OmniSimulator.start(DatasetSpec.small(NOW))) {
            long[] inserted = new long[1];
            live.beforeEachRequest((n, resource, query, data) -> {
                if (n == 2) {
                    inserted[0] = data.insertSalesOrder();
                    data.modify(SimulatedData.SALES_ORDERS, 3, o -> o.put("reference", "EDITED"));
                    data.voidSalesOrder(4);
                }
            });
            Cin7Client c = clientFor(live, live.credentials()).build();
            List<SalesOrder> orders = all(c.salesOrders().list(ListQuery.builder().afterId(0).rows(100).build()));
            assertThat(orders).extracting(SalesOrder::id).contains(inserted[0]).doesNotHaveDuplicates();
            assertThat(inserted[0]).isGreaterThan(live.data().spec().salesOrderCount());
            assertThat(c.salesOrders().get(3)).map(SalesOrder::reference).contains("EDITED");
            assertThat(c.salesOrders().get(3).orElseThrow().modifiedDate()).isEqualTo(NOW);
            assertThat(c.salesOrders().get(4).orElseThrow().isVoid()).isTrue();
        }
    }

    @Test
    void theNextDayBringsNewAndChangedOrders() {
        try (Cin7OmniSimulator live = Cin7OmniSimulator.start(DatasetSpec.small(NOW))) {
            Cin7Client c = clientFor(live, live.credentials()).build();
            long before = all(c.salesOrders().list()).size();
            Map<Long, Instant> modified = all(c.salesOrders().list()).stream()
                    .collect(Collectors.toMap(SalesOrder::id, SalesOrder::modifiedDate));
            live.data().nextDay();
            List<SalesOrder> after = all(c.salesOrders().list());
            assertThat(after).hasSize((int) before + 4);
            assertThat(after).anyMatch(o -> modified.containsKey(o.id()) && o.modifiedDate().isAfter(modified.get(o.id())));
        }
    }

    @Test
    void aMillionOrdersAreGeneratedLazilyAndWindowsAreCheap() {
        try (Cin7OmniSimulator large = Cin7OmniSimulator.start(DatasetSpec.large(NOW))) {
            assertThat(large.data().count(SimulatedData.SALES_ORDERS)).isGreaterThanOrEqualTo(1_000_000);
            Cin7Client c = clientFor(large, large.credentials()).build();
            Where lastHour = Where.field("modifiedDate").atLeast(NOW.minus(Duration.ofHours(1)));
            List<SalesOrder> recent = all(c.salesOrders().list(ListQuery.builder().where(lastHour).afterId(0).build()));
            assertThat(recent).isNotEmpty().allMatch(o -> !o.modifiedDate().isBefore(NOW.minus(Duration.ofHours(1))));
            assertThat(recent.get(0).lineItems()).hasSize(3);
            assertThat(large.journal()).hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void journalRecordsEveryRequest() {
        try (Cin7OmniSimulator s = Cin7OmniSimulator.start(DatasetSpec.small(NOW))) {
            Cin7Client c = clientFor(s, s.credentials()).build();
            c.branches().list().stream().count();
            c.salesOrders().get(1);
            assertThat(s.journal()).extracting(JournalEntry::method, JournalEntry::resource, JournalEntry::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "v1/Branches", 200),
                            org.assertj.core.groups.Tuple.tuple("GET", "v1/SalesOrders/1", 200));
            assertThat(s.journal().get(0).param("rows")).isEqualTo("250");
            assertThat(s.journal().get(0).username()).isEqualTo(Cin7OmniSimulator.DEFAULT_USERNAME);
        }
    }

    @Test
    void refusesWrites() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.baseUri().resolve("v1/SalesOrders"))
                .header("Authorization", sim.credentials().basicAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> raw(String pathAndQuery) throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(sim.baseUri() + pathAndQuery))
                        .header("Authorization", sim.credentials().basicAuthorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }


}
