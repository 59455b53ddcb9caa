package io.moselle.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the JSON form of every record against files under {@code golden/}. */
class GoldenJsonTest {

    static Stream<Arguments> records() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return Stream.of(
                Arguments.of("warehouse.json", Warehouse.class, Warehouse.builder().key("MAIN").name("Main warehouse")
                        .addBranchIds(1L, 2L).enabled(true).build()),
                Arguments.of("product.json", Product.class, Product.builder().sku("SKU-1").name("Tee").variant("M / Navy").category(null)
                        .brand("Basics").barcode("9400001").styleCode("STY-1").active(true).externalProductId(1L).externalOptionId(101L)
                        .putAttributes("season", json.textNode("Summer")).build()),
                Arguments.of("sales-order.json", SalesOrder.class, SalesOrder.builder().externalId(100).orderNumber("SO-100")
                        .date(Instant.parse("2024-11-16T13:41:56.1794562Z")).channel("Web Store").warehouse("MAIN").currency("NZD")
                        .addLines(SalesOrderLine.builder().sku("SKU-1").quantity(new BigDecimal("2.50")).unitPrice(new BigDecimal("19.90"))
                                .discount(BigDecimal.ZERO).build())
                        .addLines(SalesOrderLine.builder().sku("SKU-2").quantity(new BigDecimal("-1")).unitPrice(new BigDecimal("100")).build())
                        .putAttributes("priority", json.textNode("High")).putAttributes("note", json.nullNode()).build()),
                Arguments.of("replenishment-order.json", ReplenishmentOrder.class, ReplenishmentOrder.builder().type(ReplenishmentType.TRANSFER)
                        .externalId(9).orderNumber("TR-9").status(ReplenishmentStatus.ACTIVE).destinationWarehouse("2").sourceWarehouse("1")
                        .orderDate(Instant.parse("2026-10-01T09:30:00Z")).dispatchedDate(Instant.parse("2026-10-02T10:00:00.5Z"))
                        .addLines(ReplenishmentLine.builder().sku("SKU-1").quantity(new BigDecimal("5")).unitCost(new BigDecimal("3.125")).build())
                        .build()),
                Arguments.of("inventory-level.json", InventoryLevel.class, InventoryLevel.builder().sku("SKU-1").warehouse("MAIN")
                        .onHand(new BigDecimal("10")).available(new BigDecimal("-2.5")).incoming(BigDecimal.ZERO)
                        .asOf(Instant.parse("2026-11-27T06:00:00Z")).build()),
                Arguments.of("projected-stock.json", ProjectedStock.class, ProjectedStock.builder().sku("SKU-1").warehouse("MAIN")
                        .available(new BigDecimal("-2.5")).inboundPurchase(new BigDecimal("40")).inboundTransfer(new BigDecimal("5"))
                        .projected(new BigDecimal("42.5")).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void writesExactlyTheGoldenJsonAndReadsItBack(String file, Class<?> type, Object record) throws IOException {
        String golden = golden(file);
        assertThat(MoselleJson.writer().writeValueAsString(record)).isEqualTo(golden);
        assertThat((Object) MoselleJson.reader().forType(type).readValue(golden)).isEqualTo(record);
        assertThat(MoselleJson.mapper().readValue(golden, type)).as("a mapper of its own reads the same").isEqualTo(record);
    }

    @Test
    void aMapperHandedOutIsTheCallersOwnAndLeavesTheSharedFormAlone() throws Exception {
        ObjectMapper mine = MoselleJson.mapper();
        mine.disable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
        mine.disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        assertThat(MoselleJson.mapper()).isNotSameAs(mine);
        assertThat(MoselleJson.writer().writeValueAsString(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(MoselleJson.mapper().writeValueAsString(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThatThrownBy(() -> MoselleJson.reader().forType(SkuWarehouse.class).<SkuWarehouse>readValue("{\"sku\":\"A\",\"warehouse\":\"1\",\"x\":1}"))
                .as("still strict").hasMessageContaining("x");
    }

    @Test
    void datesKeepTheirPrecision() {
        assertThat(MoselleJson.format(Instant.parse("2026-10-01T09:30:00Z"))).isEqualTo("2026-10-01T09:30:00Z");
        assertThat(MoselleJson.format(Instant.parse("2026-10-01T09:30:00.120Z"))).isEqualTo("2026-10-01T09:30:00.12Z");
        assertThat(MoselleJson.format(Instant.parse("2026-10-01T09:30:00.000000001Z"))).isEqualTo("2026-10-01T09:30:00.000000001Z");
    }

    @Test
    void decimalsAreWrittenPlain() throws IOException {
        assertThat(MoselleJson.mapper().writeValueAsString(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(MoselleJson.mapper().writeValueAsString(new BigDecimal("0.10"))).isEqualTo("0.10");
    }

    @Test
    void decimalsKeepTheirScaleThroughATree() throws IOException {
        var tree = MoselleJson.mapper().valueToTree(java.util.Map.of("price", new BigDecimal("59.90")));
        assertThat(MoselleJson.mapper().writeValueAsString(tree)).isEqualTo("{\"price\":59.90}");
        assertThat(MoselleJson.mapper().readTree("{\"price\":59.90}").get("price").decimalValue()).isEqualTo(new BigDecimal("59.90"));
    }

    @Test
    void readingIsStrict() {
        assertThatThrownBy(() -> MoselleJson.mapper().readValue("{\"key\":\"A\",\"enabled\":true,\"colour\":1}", Warehouse.class))
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> MoselleJson.mapper().readValue("{\"name\":\"A\",\"enabled\":true}", Warehouse.class))
                .hasMessageContaining("key");
    }

    private static String golden(String file) throws IOException {
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
