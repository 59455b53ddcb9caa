package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A Cin7 purchase order ({@code v1/PurchaseOrders}).
 */
@Value.Immutable
@JsonDeserialize(as = ImmutablePurchaseOrder.class)
public abstract class PurchaseOrder implements Identified {
    public abstract long id();

    /** The reference, as people know it. */
    public abstract @Nullable String reference();

    /** The status, as Cin7 sends it; null when absent. */
    public abstract @Nullable OrderStatus status();

    /** Free text; real purchase orders show blank or {@code Received}. */
    public abstract @Nullable String stage();

    /** Whether the order was voided. */
    public abstract @Nullable Boolean isVoid();

    /** Whether the order is approved. */
    public abstract @Nullable Boolean isApproved();

    /** The receiving branch. */
    public abstract @Nullable Long branchId();

    /** The supplier. */
    public abstract @Nullable Long memberId();

    /** The supplier name. */
    public abstract @Nullable String company();

    /** When the record was created in Cin7, in UTC. */
    public abstract @Nullable Instant createdDate();

    /** When Cin7 last changed the record, in UTC: what windows are read by. */
    public abstract @Nullable Instant modifiedDate();

    /** The order's currency, e.g. {@code NZD}. */
    public abstract @Nullable String currencyCode();

    /** When the supplier expects to deliver. */
    public abstract @Nullable Instant estimatedDeliveryDate();

    /** When the goods are expected to arrive. */
    public abstract @Nullable Instant estimatedArrivalDate();

    /** Set when the order is fully received. */
    public abstract @Nullable Instant fullyReceivedDate();

    /** The supplier's invoice reference. */
    public abstract @Nullable String supplierInvoiceReference();

    /** When the order was invoiced. */
    public abstract @Nullable Instant invoiceDate();

    /** Custom fields exactly as Cin7 sent them (values may be JSON null); empty when absent. */
    public abstract Map<String, JsonNode> customFields();

    /** The lines, in Cin7's order; empty when there are none. */
    public abstract List<PurchaseOrderLine> lineItems();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PurchaseOrder} values. */
    public static final class Builder extends ImmutablePurchaseOrder.Builder {}
}
