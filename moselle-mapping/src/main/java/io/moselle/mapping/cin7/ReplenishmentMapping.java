package io.moselle.mapping.cin7;

import io.moselle.cin7.client.model.BranchTransfer;
import io.moselle.cin7.client.model.BranchTransferLine;
import io.moselle.cin7.client.model.OrderStatus;
import io.moselle.cin7.client.model.PurchaseOrder;
import io.moselle.cin7.client.model.PurchaseOrderLine;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Reason;
import io.moselle.mapping.ReplenishmentLine;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.ReplenishmentStatus;
import io.moselle.mapping.ReplenishmentType;
import io.moselle.mapping.internal.Numbers;
import io.moselle.mapping.internal.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cin7 purchase orders and branch transfers to Moselle replenishment orders. Transfers are
 * replenishment orders of type TRANSFER on purpose: Moselle lists them beside purchase orders.
 */
public final class ReplenishmentMapping {
    private static final Set<String> TRANSFER_DELIVERED_STAGES = Set.of("Received", "Completed", "Complete");
    private static final Set<String> TRANSFER_ACTIVE_STAGES = Set.of("Dispatched", "In Transit");

    private ReplenishmentMapping() {}

    /**
     * A purchase order is imported even when void (as ARCHIVED); only a disabled receiving branch
     * retracts it. Status, first rule that applies: void ARCHIVED; DRAFT or not approved DRAFT;
     * {@code fullyReceivedDate} or stage {@code Received} DELIVERED; else ACTIVE. An order left
     * with no line is still imported.
     */
    public static Outcome<ReplenishmentOrder> purchaseOrder(PurchaseOrder po, Cin7Settings settings, WarehouseDirectory warehouses) {
        String id = Long.toString(po.id());
        ReplenishmentOrder.Key key = new ReplenishmentOrder.Key(ReplenishmentType.PURCHASE, po.id());
        if (po.branchId() == null) {
            return Outcome.skip(Reason.MISSING_FIELD, id + " branchId");
        }
        long branch = po.branchId();
        if (!warehouses.isEnabled(branch)) {
            return Outcome.retract(key, Reason.WAREHOUSE_DISABLED, id);
        }
        Numbers.Check numbers = new Numbers.Check();
        for (int i = 0; i < po.lineItems().size(); i++) {
            PurchaseOrderLine line = po.lineItems().get(i);
            numbers.number("lineItems[" + i + "].qty", line.qty()).number("lineItems[" + i + "].unitPrice", line.unitPrice());
        }
        if (numbers.failed() != null) {
            return Outcome.skip(Reason.INVALID_NUMBER, id + " " + numbers.failed());
        }
        LineFilter filter = new LineFilter();
        List<ReplenishmentLine> lines = new ArrayList<>();
        for (PurchaseOrderLine line : po.lineItems()) {
            addLine(lines, filter, line.code(), line.qty(), line.unitPrice());
        }
        ReplenishmentOrder order = ReplenishmentOrder.builder()
                .type(ReplenishmentType.PURCHASE)
                .externalId(po.id())
                .orderNumber(Text.clean(po.reference()))
                .status(purchaseStatus(po))
                .destinationWarehouse(warehouses.keyOf(branch))
                .supplier(Text.clean(po.company()))
                .orderDate(po.createdDate())
                .expectedDate(SalesOrderMapping.first(po.estimatedArrivalDate(), po.estimatedDeliveryDate()))
                .deliveredDate(po.fullyReceivedDate())
                .lines(lines)
                .attributes(Attributes.copy(po.customFields(), settings.customFields(RecordSet.PURCHASE_ORDERS)))
                .build();
        Outcome<ReplenishmentOrder> outcome = Outcome.upsert(order, id).withDroppedLines(filter.dropped());
        return warehouses.isKnown(branch) ? outcome : outcome.withNote(Reason.UNKNOWN_BRANCH);
    }

    /** The status rule of purchase orders. */
    public static ReplenishmentStatus purchaseStatus(PurchaseOrder po) {
        if (SalesOrderMapping.isVoid(po.isVoid(), po.status())) {
            return ReplenishmentStatus.ARCHIVED;
        }
        if (OrderStatus.DRAFT.equals(po.status()) || Boolean.FALSE.equals(po.isApproved())) {
            return ReplenishmentStatus.DRAFT;
        }
        if (po.fullyReceivedDate() != null || Text.equalsAnyIgnoreCase(po.stage(), Set.of("Received"))) {
            return ReplenishmentStatus.DELIVERED;
        }
        return ReplenishmentStatus.ACTIVE;
    }

    /**
     * A transfer whose destination branch is disabled is retracted (WAREHOUSE_DISABLED), and so is
     * one between branches of the same warehouse (INTERNAL_TRANSFER). Line quantity is
     * {@code qtyTransferred} when above zero, else {@code qty}.
     */
    public static Outcome<ReplenishmentOrder> transfer(BranchTransfer t, Cin7Settings settings, WarehouseDirectory warehouses) {
        String id = Long.toString(t.id());
        ReplenishmentOrder.Key key = new ReplenishmentOrder.Key(ReplenishmentType.TRANSFER, t.id());
        if (t.destinationBranchId() == null) {
            return Outcome.skip(Reason.MISSING_FIELD, id + " destinationBranchId");
        }
        if (t.sourceBranchId() == null) {
            return Outcome.skip(Reason.MISSING_FIELD, id + " sourceBranchId");
        }
        long destination = t.destinationBranchId();
        long source = t.sourceBranchId();
        if (!warehouses.isEnabled(destination)) {
            return Outcome.retract(key, Reason.WAREHOUSE_DISABLED, id);
        }
        if (warehouses.keyOf(source).equals(warehouses.keyOf(destination))) {
            return Outcome.retract(key, Reason.INTERNAL_TRANSFER, id);
        }
        Numbers.Check numbers = new Numbers.Check();
        for (int i = 0; i < t.lineItems().size(); i++) {
            BranchTransferLine line = t.lineItems().get(i);
            numbers.number("lineItems[" + i + "].qty", line.qty()).number("lineItems[" + i + "].qtyTransferred", line.qtyTransferred())
                    .number("lineItems[" + i + "].unitCost", line.unitCost());
        }
        if (numbers.failed() != null) {
            return Outcome.skip(Reason.INVALID_NUMBER, id + " " + numbers.failed());
        }
        LineFilter filter = new LineFilter();
        List<ReplenishmentLine> lines = new ArrayList<>();
        for (BranchTransferLine line : t.lineItems()) {
            BigDecimal quantity = line.qtyTransferred() != null && line.qtyTransferred().signum() > 0 ? line.qtyTransferred() : line.qty();
            addLine(lines, filter, line.code(), quantity, line.unitCost());
        }
        ReplenishmentOrder order = ReplenishmentOrder.builder()
                .type(ReplenishmentType.TRANSFER)
                .externalId(t.id())
                .orderNumber(Text.clean(t.reference()))
                .status(transferStatus(t))
                .destinationWarehouse(warehouses.keyOf(destination))
                .sourceWarehouse(warehouses.keyOf(source))
                .orderDate(t.createdDate())
                .dispatchedDate(t.dispatchedDate())
                .deliveredDate(t.receivedDate())
                .lines(lines)
                .attributes(Attributes.copy(t.customFields(), settings.customFields(RecordSet.BRANCH_TRANSFERS)))
                .build();
        Outcome<ReplenishmentOrder> outcome = Outcome.upsert(order, id).withDroppedLines(filter.dropped());
        return warehouses.isKnown(destination) && warehouses.isKnown(source) ? outcome : outcome.withNote(Reason.UNKNOWN_BRANCH);
    }

    /**
     * The status rule of transfers, which have no status of their own: received date DELIVERED;
     * else dispatched date ACTIVE (in transit); else stage Received, Completed or Complete
     * DELIVERED; else stage Dispatched or In Transit ACTIVE; else DRAFT.
     */
    public static ReplenishmentStatus transferStatus(BranchTransfer t) {
        if (t.receivedDate() != null) {
            return ReplenishmentStatus.DELIVERED;
        }
        if (t.dispatchedDate() != null) {
            return ReplenishmentStatus.ACTIVE;
        }
        if (Text.equalsAnyIgnoreCase(t.stage(), TRANSFER_DELIVERED_STAGES)) {
            return ReplenishmentStatus.DELIVERED;
        }
        if (Text.equalsAnyIgnoreCase(t.stage(), TRANSFER_ACTIVE_STAGES)) {
            return ReplenishmentStatus.ACTIVE;
        }
        return ReplenishmentStatus.DRAFT;
    }

    private static void addLine(List<ReplenishmentLine> lines, LineFilter filter, String code, BigDecimal quantity, BigDecimal unitCost) {
        String sku = filter.accept(code, quantity);
        if (sku != null) {
            lines.add(ReplenishmentLine.builder().sku(sku).quantity(quantity).unitCost(unitCost).build());
        }
    }
}
