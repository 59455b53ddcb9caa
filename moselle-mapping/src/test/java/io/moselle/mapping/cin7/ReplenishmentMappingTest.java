package io.moselle.mapping.cin7;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.moselle.cin7.client.model.BranchTransfer;
import io.moselle.cin7.client.model.BranchTransferLine;
import io.moselle.cin7.client.model.OrderStatus;
import io.moselle.cin7.client.model.PurchaseOrder;
import io.moselle.cin7.client.model.PurchaseOrderLine;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Reason;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.ReplenishmentStatus;
import io.moselle.mapping.ReplenishmentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplenishmentMappingTest {
    static final Instant CREATED = Instant.parse("2026-09-01T00:00:00Z");
    static final Instant ARRIVAL = Instant.parse("2026-10-15T00:00:00Z");
    static final Instant DELIVERY = Instant.parse("2026-10-20T00:00:00Z");
    static final Instant RECEIVED = Instant.parse("2026-10-14T08:00:00Z");

    static PurchaseOrder.Builder po() {
        PurchaseOrder.Builder b = PurchaseOrder.builder();
        b.id(7).reference("PO-7").status(OrderStatus.APPROVED).isApproved(true).isVoid(false).branchId(1L).company(" Acme Textiles ")
                .createdDate(CREATED).estimatedArrivalDate(ARRIVAL).estimatedDeliveryDate(DELIVERY)
                .addLineItems(PurchaseOrderLine.builder().code("SKU-1").qty(new BigDecimal("10")).unitPrice(new BigDecimal("2.50")).build());
        return b;
    }

    static BranchTransfer.Builder transfer() {
        BranchTransfer.Builder b = BranchTransfer.builder();
        b.id(9).reference("TR-9").sourceBranchId(1L).destinationBranchId(2L).createdDate(CREATED)
                .addLineItems(BranchTransferLine.builder().code("SKU-1").qty(new BigDecimal("5")).qtyTransferred(BigDecimal.ZERO)
                        .unitCost(new BigDecimal("3")).build());
        return b;
    }

    static Outcome<ReplenishmentOrder> mapPo(PurchaseOrder p, Cin7Settings s) {
        return ReplenishmentMapping.purchaseOrder(p, s, Fixtures.directory(s));
    }

    static Outcome<ReplenishmentOrder> mapTransfer(BranchTransfer t, Cin7Settings s) {
        return ReplenishmentMapping.transfer(t, s, Fixtures.directory(s));
    }

    static Stream<Arguments> purchaseStatuses() {
        return Stream.<Object[]>of(
                new Object[] {"approved, open: active", (UnaryOperator<PurchaseOrder.Builder>) b -> b, ReplenishmentStatus.ACTIVE},
                new Object[] {"void by flag: archived", (UnaryOperator<PurchaseOrder.Builder>) b -> b.isVoid(true), ReplenishmentStatus.ARCHIVED},
                new Object[] {"void by status: archived", (UnaryOperator<PurchaseOrder.Builder>) b -> b.status(OrderStatus.of("Void")), ReplenishmentStatus.ARCHIVED},
                new Object[] {"void beats received", (UnaryOperator<PurchaseOrder.Builder>) b -> b.isVoid(true).fullyReceivedDate(RECEIVED), ReplenishmentStatus.ARCHIVED},
                new Object[] {"void beats draft", (UnaryOperator<PurchaseOrder.Builder>) b -> b.status(OrderStatus.VOID).isApproved(false), ReplenishmentStatus.ARCHIVED},
                new Object[] {"status DRAFT: draft", (UnaryOperator<PurchaseOrder.Builder>) b -> b.status(OrderStatus.of("draft")), ReplenishmentStatus.DRAFT},
                new Object[] {"status code 0: draft", (UnaryOperator<PurchaseOrder.Builder>) b -> b.status(OrderStatus.of(0)), ReplenishmentStatus.DRAFT},
                new Object[] {"not approved: draft", (UnaryOperator<PurchaseOrder.Builder>) b -> b.isApproved(false), ReplenishmentStatus.DRAFT},
                new Object[] {"draft beats received", (UnaryOperator<PurchaseOrder.Builder>) b -> b.isApproved(false).fullyReceivedDate(RECEIVED), ReplenishmentStatus.DRAFT},
                new Object[] {"fully received: delivered", (UnaryOperator<PurchaseOrder.Builder>) b -> b.fullyReceivedDate(RECEIVED), ReplenishmentStatus.DELIVERED},
                new Object[] {"stage Received: delivered", (UnaryOperator<PurchaseOrder.Builder>) b -> b.stage(" received "), ReplenishmentStatus.DELIVERED},
                new Object[] {"other stage: active", (UnaryOperator<PurchaseOrder.Builder>) b -> b.stage("Partially Received"), ReplenishmentStatus.ACTIVE})
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("purchaseStatuses")
    void purchaseOrderStatusPrecedence(String rule, UnaryOperator<PurchaseOrder.Builder> change, ReplenishmentStatus expected) {
        Outcome<ReplenishmentOrder> outcome = mapPo(change.apply(po()).build(), Cin7Settings.defaults());
        assertThat(outcome.action()).isEqualTo(Outcome.Action.UPSERT);
        assertThat(outcome.record().orElseThrow().status()).as(rule).isEqualTo(expected);
    }

    @Test
    void mapsAPurchaseOrder() {
        PurchaseOrder p = po().fullyReceivedDate(RECEIVED)
                .putCustomFields("purchases_1000", JsonNodeFactory.instance.numberNode(new BigDecimal("1.50")))
                .addLineItems(PurchaseOrderLine.builder().code(" ").qty(BigDecimal.ONE).build(),
                        PurchaseOrderLine.builder().code("SKU-2").qty(BigDecimal.ZERO).build())
                .build();
        Cin7Settings s = Cin7Settings.builder().customField(RecordSet.PURCHASE_ORDERS, "purchases_1000", "freight").build();
        Outcome<ReplenishmentOrder> outcome = mapPo(p, s);
        ReplenishmentOrder r = outcome.record().orElseThrow();
        assertThat(r.key()).isEqualTo(new ReplenishmentOrder.Key(ReplenishmentType.PURCHASE, 7));
        assertThat(r.orderNumber()).isEqualTo("PO-7");
        assertThat(r.destinationWarehouse()).isEqualTo("1");
        assertThat(r.sourceWarehouse()).isNull();
        assertThat(r.supplier()).isEqualTo("Acme Textiles");
        assertThat(r.orderDate()).isEqualTo(CREATED);
        assertThat(r.expectedDate()).isEqualTo(ARRIVAL);
        assertThat(r.deliveredDate()).isEqualTo(RECEIVED);
        assertThat(r.dispatchedDate()).isNull();
        assertThat(r.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("SKU-1");
            assertThat(l.quantity()).isEqualTo(new BigDecimal("10"));
            assertThat(l.unitCost()).isEqualTo(new BigDecimal("2.50"));
        });
        assertThat(r.attributes().get("freight").decimalValue()).isEqualTo(new BigDecimal("1.50"));
        assertThat(outcome.droppedLines()).isEqualTo(Map.of(Reason.LINE_MISSING_SKU, 1, Reason.LINE_ZERO_QUANTITY, 1));
    }

    @Test
    void expectedDateFallsBackToEstimatedDelivery() {
        assertThat(mapPo(po().estimatedArrivalDate(null).build(), Cin7Settings.defaults()).record().orElseThrow().expectedDate()).isEqualTo(DELIVERY);
    }

    @Test
    void aVoidPurchaseOrderIsStillImportedAndOneWithoutLinesToo() {
        Outcome<ReplenishmentOrder> outcome = mapPo(po().isVoid(true).lineItems(List.of()).build(), Cin7Settings.defaults());
        assertThat(outcome.action()).isEqualTo(Outcome.Action.UPSERT);
        assertThat(outcome.record().orElseThrow().lines()).isEmpty();
    }

    @Test
    void aDisabledReceivingBranchRetractsThePurchaseOrderBeforeAnythingElse() {
        Outcome<ReplenishmentOrder> outcome = mapPo(po().branchId(4L).isVoid(true).build(), Cin7Settings.defaults());
        assertThat(outcome.action()).isEqualTo(Outcome.Action.RETRACT);
        assertThat(outcome.reason()).contains(Reason.WAREHOUSE_DISABLED);
        assertThat(outcome.key()).contains(new ReplenishmentOrder.Key(ReplenishmentType.PURCHASE, 7));
    }

    static Stream<Arguments> transferStatuses() {
        return Stream.<Object[]>of(
                new Object[] {"received date: delivered", (UnaryOperator<BranchTransfer.Builder>) b -> b.dispatchedDate(CREATED).receivedDate(RECEIVED), ReplenishmentStatus.DELIVERED},
                new Object[] {"received date beats stage", (UnaryOperator<BranchTransfer.Builder>) b -> b.receivedDate(RECEIVED).stage("In Transit"), ReplenishmentStatus.DELIVERED},
                new Object[] {"dispatched date: active", (UnaryOperator<BranchTransfer.Builder>) b -> b.dispatchedDate(CREATED), ReplenishmentStatus.ACTIVE},
                new Object[] {"dispatched date beats stage Completed", (UnaryOperator<BranchTransfer.Builder>) b -> b.dispatchedDate(CREATED).stage("Completed"), ReplenishmentStatus.ACTIVE},
                new Object[] {"stage Received", (UnaryOperator<BranchTransfer.Builder>) b -> b.stage("Received"), ReplenishmentStatus.DELIVERED},
                new Object[] {"stage Completed", (UnaryOperator<BranchTransfer.Builder>) b -> b.stage("Completed"), ReplenishmentStatus.DELIVERED},
                new Object[] {"stage complete, any case", (UnaryOperator<BranchTransfer.Builder>) b -> b.stage(" COMPLETE "), ReplenishmentStatus.DELIVERED},
                new Object[] {"stage Dispatched", (UnaryOperator<BranchTransfer.Builder>) b -> b.stage("Dispatched"), ReplenishmentStatus.ACTIVE},
                new Object[] {"stage In Transit", (UnaryOperator<BranchTransfer.Builder>) b -> b.stage("in transit"), ReplenishmentStatus.ACTIVE},
                new Object[] {"unknown stage: draft", (UnaryOperator<BranchTransfer.Builder>) b -> b.stage("Picking"), ReplenishmentStatus.DRAFT},
                new Object[] {"nothing: draft", (UnaryOperator<BranchTransfer.Builder>) b -> b, ReplenishmentStatus.DRAFT})
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transferStatuses")
    void transferStatusFromDatesThenStage(String rule, UnaryOperator<BranchTransfer.Builder> change, ReplenishmentStatus expected) {
        assertThat(mapTransfer(change.apply(transfer()).build(), Cin7Settings.defaults()).record().orElseThrow().status())
                .as(rule).isEqualTo(expected);
    }

    @Test
    void mapsATransfer() {
        BranchTransfer t = transfer().dispatchedDate(CREATED).receivedDate(RECEIVED)
                .addLineItems(BranchTransferLine.builder().code("SKU-2").qty(new BigDecimal("8")).qtyTransferred(new BigDecimal("7")).build(),
                        BranchTransferLine.builder().code("SKU-3").qty(BigDecimal.ZERO).qtyTransferred(null).build())
                .build();
        Outcome<ReplenishmentOrder> outcome = mapTransfer(t, Cin7Settings.defaults());
        ReplenishmentOrder r = outcome.record().orElseThrow();
        assertThat(r.type()).isEqualTo(ReplenishmentType.TRANSFER);
        assertThat(r.sourceWarehouse()).isEqualTo("1");
        assertThat(r.destinationWarehouse()).isEqualTo("2");
        assertThat(r.supplier()).isNull();
        assertThat(r.dispatchedDate()).isEqualTo(CREATED);
        assertThat(r.deliveredDate()).isEqualTo(RECEIVED);
        assertThat(r.lines()).extracting(l -> l.sku() + "=" + l.quantity()).containsExactly("SKU-1=5", "SKU-2=7");
        assertThat(outcome.droppedLines()).isEqualTo(Map.of(Reason.LINE_ZERO_QUANTITY, 1));
    }

    @Test
    void transferRetractions() {
        assertThat(mapTransfer(transfer().destinationBranchId(4L).build(), Cin7Settings.defaults()).reason()).contains(Reason.WAREHOUSE_DISABLED);
        Cin7Settings merged = Cin7Settings.builder().branch(1, BranchSetting.mapTo("MAIN")).branch(2, BranchSetting.mapTo("MAIN")).build();
        Outcome<ReplenishmentOrder> internal = mapTransfer(transfer().build(), merged);
        assertThat(internal.action()).isEqualTo(Outcome.Action.RETRACT);
        assertThat(internal.reason()).contains(Reason.INTERNAL_TRANSFER);
        assertThat(internal.key()).contains(new ReplenishmentOrder.Key(ReplenishmentType.TRANSFER, 9));
        assertThat(mapTransfer(transfer().sourceBranchId(2L).build(), Cin7Settings.defaults()).reason()).contains(Reason.INTERNAL_TRANSFER);
        // destination disabled is checked before internal
        assertThat(mapTransfer(transfer().sourceBranchId(4L).destinationBranchId(4L).build(), Cin7Settings.defaults()).reason())
                .contains(Reason.WAREHOUSE_DISABLED);
        // a disabled source does not retract: the stock still arrives
        assertThat(mapTransfer(transfer().sourceBranchId(4L).build(), Cin7Settings.defaults()).action()).isEqualTo(Outcome.Action.UPSERT);
    }
}
