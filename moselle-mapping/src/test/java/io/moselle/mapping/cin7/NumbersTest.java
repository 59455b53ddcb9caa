package io.moselle.mapping.cin7;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.client.model.BranchTransferLine;
import io.moselle.cin7.client.model.PurchaseOrderLine;
import io.moselle.cin7.client.model.SalesOrderLine;
import io.moselle.cin7.client.model.StockItem;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Reason;
import io.moselle.mapping.internal.InventoryAccumulator;
import io.moselle.mapping.internal.Numbers;
import io.moselle.mapping.internal.Tally;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule for numbers no real record has: a quantity or an amount of a trillion or more (either
 * sign), or with more than 12 decimal places, skips its record as INVALID_NUMBER, naming the field.
 */
class NumbersTest {
    static final Cin7Settings DEFAULTS = Cin7Settings.defaults();

    @ParameterizedTest(name = "{0} is no quantity")
    @ValueSource(strings = {"1e400", "-1e400", "-1e30", "1000000000000", "-1000000000000", "1e-13", "0.0000000000001"})
    void implausible(String value) {
        assertThat(Numbers.isPlausible(new BigDecimal(value))).isFalse();
    }

    @ParameterizedTest(name = "{0} can be real")
    @ValueSource(strings = {"0", "-5", "999999999999.999999999999", "-999999999999", "0.000000000001", "1.5000000000000000000000", "2E+3"})
    void plausible(String value) {
        assertThat(Numbers.isPlausible(new BigDecimal(value))).isTrue();
    }

    static Stream<Arguments> records() {
        BigDecimal huge = new BigDecimal("1e400");
        BigDecimal hugeNegative = new BigDecimal("-1e30");
        return Stream.of(
                Arguments.of("sales order qty", (Function<BigDecimal, Outcome<?>>) n -> SalesOrderMapping.map(Fixtures.order()
                        .lineItems(List.of(Fixtures.line("SKU-1", "1"), SalesOrderLine.builder().code("SKU-2").qty(n).build())).build(),
                        DEFAULTS, Fixtures.directory(DEFAULTS)), huge, "100 lineItems[1].qty"),
                Arguments.of("sales order unit price", (Function<BigDecimal, Outcome<?>>) n -> SalesOrderMapping.map(Fixtures.order()
                        .lineItems(List.of(SalesOrderLine.builder().code("SKU-1").qty(BigDecimal.ONE).unitPrice(n).build())).build(),
                        DEFAULTS, Fixtures.directory(DEFAULTS)), hugeNegative, "100 lineItems[0].unitPrice"),
                Arguments.of("sales order discount", (Function<BigDecimal, Outcome<?>>) n -> SalesOrderMapping.map(Fixtures.order()
                        .lineItems(List.of(SalesOrderLine.builder().code("SKU-1").qty(BigDecimal.ONE).discount(n).build())).build(),
                        DEFAULTS, Fixtures.directory(DEFAULTS)), huge, "100 lineItems[0].discount"),
                Arguments.of("purchase order qty", (Function<BigDecimal, Outcome<?>>) n -> ReplenishmentMapping.purchaseOrder(
                        ReplenishmentMappingTest.po().lineItems(List.of(PurchaseOrderLine.builder().code("SKU-1").qty(n).build())).build(),
                        DEFAULTS, Fixtures.directory(DEFAULTS)), huge, "7 lineItems[0].qty"),
                Arguments.of("purchase order unit price", (Function<BigDecimal, Outcome<?>>) n -> ReplenishmentMapping.purchaseOrder(
                        ReplenishmentMappingTest.po().lineItems(List.of(PurchaseOrderLine.builder().code("SKU-1").qty(BigDecimal.ONE)
                                .unitPrice(n).build())).build(), DEFAULTS, Fixtures.directory(DEFAULTS)), hugeNegative, "7 lineItems[0].unitPrice"),
                Arguments.of("transfer qty transferred", (Function<BigDecimal, Outcome<?>>) n -> ReplenishmentMapping.transfer(
                        ReplenishmentMappingTest.transfer().lineItems(List.of(BranchTransferLine.builder().code("SKU-1").qty(BigDecimal.ONE)
                                .qtyTransferred(n).build())).build(), DEFAULTS, Fixtures.directory(DEFAULTS)), huge, "9 lineItems[0].qtyTransferred"),
                Arguments.of("transfer unit cost", (Function<BigDecimal, Outcome<?>>) n -> ReplenishmentMapping.transfer(
                        ReplenishmentMappingTest.transfer().lineItems(List.of(BranchTransferLine.builder().code("SKU-1").qty(BigDecimal.ONE)
                                .unitCost(n).build())).build(), DEFAULTS, Fixtures.directory(DEFAULTS)), hugeNegative, "9 lineItems[0].unitCost"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void aRecordWithAnImplausibleNumberIsSkippedNamingTheField(String what, Function<BigDecimal, Outcome<?>> map, BigDecimal value,
            String example) {
        Outcome<?> outcome = map.apply(value);
        assertThat(outcome.action()).isEqualTo(Outcome.Action.SKIP);
        assertThat(outcome.reason()).contains(Reason.INVALID_NUMBER);
        assertThat(outcome.sourceId()).isEqualTo(example);
        assertThat(map.apply(BigDecimal.TEN).action()).as("the same record with a real number").isEqualTo(Outcome.Action.UPSERT);
    }

    @ParameterizedTest(name = "stock {0}")
    @ValueSource(strings = {"stockOnHand", "available", "incoming"})
    void aStockRowWithAnImplausibleNumberIsSkippedNamingTheField(String field) {
        StockItem.Builder row = StockItem.builder().productId(1L).productOptionId(101L).branchId(1L).code("SKU-1")
                .stockOnHand(BigDecimal.ONE).available(BigDecimal.ONE).incoming(BigDecimal.ONE);
        switch (field) {
            case "stockOnHand" -> row.stockOnHand(new BigDecimal("1e400"));
            case "available" -> row.available(new BigDecimal("-1e30"));
            default -> row.incoming(new BigDecimal("1e-20"));
        }
        InventoryAccumulator inventory = new InventoryAccumulator(Fixtures.directory(DEFAULTS), Set.of("SKU-1"), Fixtures.CREATED);
        inventory.add(row.build());

        assertThat(inventory.levels()).isEmpty();
        Tally tally = inventory.tally();
        assertThat(tally.count(Reason.INVALID_NUMBER)).isEqualTo(1);
        assertThat(tally.examples().get(Reason.INVALID_NUMBER)).containsExactly("option 101 @ branch 1 " + field);
    }
}
