package io.moselle.cin7.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.client.model.BranchTransfer;
import io.moselle.cin7.client.model.OptionStatus;
import io.moselle.cin7.client.model.OrderStatus;
import io.moselle.cin7.client.model.Product;
import io.moselle.cin7.client.model.ProductStatus;
import io.moselle.cin7.client.model.PurchaseOrder;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.cin7.client.model.StockItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** How Cin7's JSON quirks are read into the model. */
class ModelParsingTest {

    static <T> List<T> read(Class<T> type, String json) throws IOException {
        return new JsonRecords<>(ObjectMappers.cin7(), type, "v1/Test")
                .readArray(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 1);
    }

    static SalesOrder order(String fields) throws IOException {
        return read(SalesOrder.class, "[{\"id\":1," + fields + "}]").get(0);
    }

    @Test
    void readsASalesOrderIgnoringUnknownFields() throws IOException {
        SalesOrder o = read(SalesOrder.class, """
                [{"id": 101, "reference": "#1234", "createdDate": "2026-03-01T10:00:00Z",
                  "modifiedDate": "2026-03-08T22:35:00Z", "dispatchedDate": null, "invoiceDate": "",
                  "status": "APPROVED", "stage": "Dispatched", "isVoid": false, "isApproved": true,
                  "source": "Shopify", "branchId": 3, "currencyCode": "NZD", "memberId": 77, "company": "ACME",
                  "someNewField": {"deep": [1, 2, {"x": null}]}, "anotherOne": 3.5,
                  "customFields": {"orders_1000": "High", "orders_1001": null, "orders_1002": 12.50},
                  "lineItems": [{"id": 9, "code": "SKU-1", "qty": 2.5, "unitPrice": 19.90, "discount": 0,
                                 "parentId": 0, "sort": 1, "qtyShipped": 2.5, "whatever": true}]}]
                """).get(0);
        assertThat(o.id()).isEqualTo(101);
        assertThat(o.reference()).isEqualTo("#1234");
        assertThat(o.modifiedDate()).isEqualTo(Instant.parse("2026-03-08T22:35:00Z"));
        assertThat(o.dispatchedDate()).isNull();
        assertThat(o.invoiceDate()).isNull();
        assertThat(o.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(o.isVoid()).isFalse();
        assertThat(o.branchId()).isEqualTo(3L);
        assertThat(o.customFields()).containsOnlyKeys("orders_1000", "orders_1001", "orders_1002");
        assertThat(o.customFields().get("orders_1001").isNull()).isTrue();
        assertThat(o.customFields().get("orders_1002").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(o.lineItems()).singleElement().satisfies(line -> {
            assertThat(line.code()).isEqualTo("SKU-1");
            assertThat(line.qty()).isEqualTo(new BigDecimal("2.5"));
            assertThat(line.unitPrice()).isEqualTo(new BigDecimal("19.90"));
        });
    }

    @Test
    void acceptsPascalCaseKeys() throws IOException {
        SalesOrder o = read(SalesOrder.class, "[{\"Id\": 5, \"Reference\": \"SO-5\", \"BranchId\": 2, \"IsVoid\": true,"
                + " \"LineItems\": [{\"Code\": \"A\", \"Qty\": 1}]}]").get(0);
        assertThat(o.id()).isEqualTo(5);
        assertThat(o.reference()).isEqualTo("SO-5");
        assertThat(o.branchId()).isEqualTo(2L);
        assertThat(o.isVoid()).isTrue();
        assertThat(o.lineItems()).extracting(l -> l.code()).containsExactly("A");
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("\"APPROVED\"", OrderStatus.APPROVED, true),
                Arguments.of("\"approved\"", OrderStatus.APPROVED, true),
                Arguments.of("\"Void\"", OrderStatus.VOID, true),
                Arguments.of("\" DRAFT \"", OrderStatus.DRAFT, true),
                Arguments.of("0", OrderStatus.DRAFT, true),
                Arguments.of("1", OrderStatus.APPROVED, true),
                Arguments.of("2", OrderStatus.VOID, true),
                Arguments.of("\"ON_HOLD\"", OrderStatus.of("On_Hold"), false),
                Arguments.of("\"\"", null, false),
                Arguments.of("null", null, false));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void orderStatusIsTolerant(String json, OrderStatus expected, boolean known) throws IOException {
        OrderStatus status = order("\"status\": " + json).status();
        assertThat(status).isEqualTo(expected);
        if (status != null) {
            assertThat(status.isKnown()).isEqualTo(known);
        }
    }

    @Test
    void anUnknownStatusKeepsItsText() throws IOException {
        assertThat(order("\"status\": \"BACKORDERED\"").status().text()).isEqualTo("BACKORDERED");
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of("2026-03-08T22:35:00Z", "2026-03-08T22:35:00Z"),
                Arguments.of("2024-11-17T02:41:56.1794562+13:00", "2024-11-16T13:41:56.1794562Z"),
                Arguments.of("2024-11-17T02:41:56.123Z", "2024-11-17T02:41:56.123Z"),
                Arguments.of("2024-11-17T02:41:56", "2024-11-17T02:41:56Z"),
                Arguments.of("2024-11-17T02:41:56.5-05:00", "2024-11-17T07:41:56.5Z"),
                Arguments.of("2024-11-17", "2024-11-17T00:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("dates")
    void datesAreLenientAndKeepTheirPrecision(String text, String expected) throws IOException {
        assertThat(order("\"modifiedDate\": \"" + text + "\"").modifiedDate()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void blankTextAndEmptyNumbersAreAbsent() throws IOException {
        SalesOrder o = order("\"reference\": \"   \", \"branchId\": \"\", \"lineItems\": [{\"qty\": \"\", \"code\": \"\"}]");
        assertThat(o.reference()).isNull();
        assertThat(o.branchId()).isNull();
        assertThat(o.lineItems().get(0).qty()).isNull();
        assertThat(o.lineItems().get(0).code()).isNull();
    }

    @Test
    void decimalsAreExactAndMayBeNegative() throws IOException {
        StockItem s = read(StockItem.class, "[{\"code\":\"A\",\"available\":-3.3333333333333333333,\"stockOnHand\":0.1,\"incoming\":1E+2}]").get(0);
        assertThat(s.available()).isEqualTo(new BigDecimal("-3.3333333333333333333"));
        assertThat(s.stockOnHand()).isEqualTo(new BigDecimal("0.1"));
        assertThat(s.incoming()).isEqualByComparingTo("100");
    }

    @Test
    void absentOrNullCollectionsAreEmpty() throws IOException {
        assertThat(order("\"lineItems\": null").lineItems()).isEmpty();
        assertThat(order("\"customFields\": null").customFields()).isEmpty();
        assertThat(order("\"reference\": \"x\"").lineItems()).isEmpty();
    }

    @Test
    void productsWithOptionsAndStatuses() throws IOException {
        Product p = read(Product.class, """
                [{"id": 3, "status": "Inactive", "name": "Tee", "productOptions": [
                   {"id": 31, "productId": 3, "code": "TEE-S", "productOptionCode": null, "option1": "Small", "status": "Disabled"},
                   {"id": 32, "productId": 3, "code": "", "productOptionCode": "TEE-M", "status": "primary"}]}]
                """).get(0);
        assertThat(p.status()).isEqualTo(ProductStatus.INACTIVE);
        assertThat(p.productOptions()).extracting(o -> o.status()).containsExactly(OptionStatus.DISABLED, OptionStatus.PRIMARY);
        assertThat(p.productOptions().get(1).code()).isNull();
        assertThat(p.productOptions().get(1).productOptionCode()).isEqualTo("TEE-M");
    }

    @Test
    void purchaseOrdersAndTransfers() throws IOException {
        PurchaseOrder po = read(PurchaseOrder.class, "[{\"id\":1,\"status\":\"VOID\",\"stage\":\"Received\",\"fullyReceivedDate\":\"2026-01-02T00:00:00Z\","
                + "\"estimatedArrivalDate\":\"2026-01-01T00:00:00Z\",\"lineItems\":[{\"code\":\"A\",\"qty\":4,\"unitPrice\":1.25}]}]").get(0);
        assertThat(po.status()).isEqualTo(OrderStatus.VOID);
        assertThat(po.fullyReceivedDate()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        BranchTransfer t = read(BranchTransfer.class, "[{\"id\":2,\"sourceBranchId\":1,\"destinationBranchId\":2,\"stage\":\"In Transit\","
                + "\"lineItems\":[{\"code\":\"A\",\"qty\":4,\"qtyTransferred\":3,\"unitCost\":2}]}]").get(0);
        assertThat(t.lineItems().get(0).qtyTransferred()).isEqualByComparingTo("3");
        assertThat(t.destinationBranchId()).isEqualTo(2L);
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of("[{\"id\":1,\"branchId\":\"three\"}]", "[0].branchId"),
                Arguments.of("[{\"id\":1,\"branchId\":3.7}]", "[0].branchId"),
                Arguments.of("[{\"id\":1,\"isVoid\":\"yes\"}]", "[0].isVoid"),
                Arguments.of("[{\"id\":1,\"modifiedDate\":\"yesterday\"}]", "[0].modifiedDate"),
                Arguments.of("[{\"id\":1,\"modifiedDate\":12345}]", "[0].modifiedDate"),
                Arguments.of("[{\"id\":1,\"lineItems\":[null]}]", "[0].lineItems"),
                Arguments.of("[{\"id\":1,\"lineItems\":{\"code\":\"A\"}}]", "[0].lineItems"),
                Arguments.of("[{\"id\":1,\"reference\":{\"a\":1}}]", "[0].reference"),
                Arguments.of("[{\"id\":null}]", "[0].id"),
                Arguments.of("[{\"id\":99999999999999999999999}]", "[0]"),
                Arguments.of("[{\"id\":1,\"status\":7}]", "[0].status"),
                Arguments.of("[{\"id\":1},7]", "[1]"),
                Arguments.of("[{\"id\":1},null]", "[1]"),
                Arguments.of("{\"message\":\"bad\"}", ""),
                Arguments.of("\"text\"", ""),
                Arguments.of("[{\"id\":1}]]", ""),
                Arguments.of("[{\"id\":1 \"x\":2}]", ""));
    }

    @ParameterizedTest
    @MethodSource("badRecords")
    void badRecordsRaiseInvalidResponseNamingTheField(String json, String field) {
        assertThatThrownBy(() -> read(SalesOrder.class, json))
                .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                    assertThat(e.field()).startsWith(field);
                    assertThat(e.resource()).isEqualTo("v1/Test");
                    assertThat(e.page()).isEqualTo(1);
                });
    }
}
