package io.moselle.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProjectedStocksTest {
    static final Instant AS_OF = Instant.parse("2026-11-27T06:00:00Z");

    static InventoryLevel level(String sku, String warehouse, String available, String incoming) {
        return InventoryLevel.builder().sku(sku).warehouse(warehouse).onHand(new BigDecimal("100")).available(new BigDecimal(available))
                .incoming(new BigDecimal(incoming)).asOf(AS_OF).build();
    }

    static ReplenishmentOrder order(ReplenishmentType type, long id, ReplenishmentStatus status, String warehouse, String sku, String qty) {
        return ReplenishmentOrder.builder().type(type).externalId(id).status(status).destinationWarehouse(warehouse)
                .addLines(ReplenishmentLine.builder().sku(sku).quantity(new BigDecimal(qty)).build()).build();
    }

    @Test
    void availablePlusActiveInboundAndNeverCin7Incoming() {
        List<ProjectedStock> rows = ProjectedStocks.compute(
                List.of(level("SKU-1", "MAIN", "10", "40")),
                List.of(order(ReplenishmentType.PURCHASE, 1, ReplenishmentStatus.ACTIVE, "MAIN", "SKU-1", "40"),
                        order(ReplenishmentType.TRANSFER, 2, ReplenishmentStatus.ACTIVE, "MAIN", "SKU-1", "5")));
        assertThat(rows).singleElement().satisfies(p -> {
            assertThat(p.available()).isEqualByComparingTo("10");
            assertThat(p.inboundPurchase()).isEqualByComparingTo("40");
            assertThat(p.inboundTransfer()).isEqualByComparingTo("5");
            assertThat(p.projected()).as("incoming 40 is the same PO: not added again").isEqualByComparingTo("55");
        });
    }

    @ParameterizedTest
    @EnumSource(value = ReplenishmentStatus.class, names = {"DRAFT", "DELIVERED", "ARCHIVED"})
    void onlyActiveOrdersCount(ReplenishmentStatus status) {
        List<ProjectedStock> rows = ProjectedStocks.compute(List.of(level("SKU-1", "MAIN", "10", "0")),
                List.of(order(ReplenishmentType.PURCHASE, 1, status, "MAIN", "SKU-1", "40"),
                        order(ReplenishmentType.TRANSFER, 2, status, "MAIN", "SKU-1", "5")));
        assertThat(rows).singleElement().satisfies(p -> assertThat(p.projected()).isEqualByComparingTo("10"));
    }

    @Test
    void inboundWithoutInventoryHasZeroAvailableAndNegativeAvailableCarriesThrough() {
        List<ProjectedStock> rows = ProjectedStocks.compute(List.of(level("SKU-2", "B", "-3", "0")),
                List.of(order(ReplenishmentType.TRANSFER, 3, ReplenishmentStatus.ACTIVE, "A", "SKU-1", "7"),
                        order(ReplenishmentType.PURCHASE, 4, ReplenishmentStatus.ACTIVE, "A", "SKU-1", "2.5")));
        assertThat(rows).extracting(p -> p.sku() + "@" + p.warehouse() + " " + p.available().toPlainString() + "+"
                + p.inboundPurchase().toPlainString() + "+" + p.inboundTransfer().toPlainString() + "=" + p.projected().toPlainString())
                .containsExactly("SKU-1@A 0+2.5+7=9.5", "SKU-2@B -3+0+0=-3");
    }

    @Test
    void inboundGoesToTheDestinationWarehouseOnly() {
        ReplenishmentOrder transfer = ReplenishmentOrder.builder().type(ReplenishmentType.TRANSFER).externalId(5)
                .status(ReplenishmentStatus.ACTIVE).destinationWarehouse("B").sourceWarehouse("A")
                .addLines(ReplenishmentLine.builder().sku("SKU-1").quantity(BigDecimal.ONE).build()).build();
        assertThat(ProjectedStocks.compute(List.of(level("SKU-1", "A", "4", "0")), List.of(transfer)))
                .extracting(p -> p.warehouse() + "=" + p.projected()).containsExactly("A=4", "B=1");
    }
}
