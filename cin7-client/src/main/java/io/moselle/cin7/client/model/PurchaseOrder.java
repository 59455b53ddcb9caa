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

    public abstract @Nullable String reference();

    public abstract @Nullable OrderStatus status();

    /** Free text; real purchase orders show blank or {@code Received}. */
    public abstract @Nullable String stage();

    public abstract @Nullable Boolean isVoid();

    public abstract @Nullable Boolean isApproved();

    /** The receiving branch. */
    public abstract @Nullable Long branchId();

    /** The supplier. */
    public abstract @Nullable Long memberId();

    /** The supplier name. */
    public abstract @Nullable String company();

    public abstract @Nullable Instant createdDate();

    public abstract @Nullable Instant modifiedDate();

    public abstract @Nullable String currencyCode();

    public abstract @Nullable Instant estimatedDeliveryDate();

    public abstract @Nullable Instant estimatedArrivalDate();

    /** Set when the order is fully received. */
    public abstract @Nullable Instant fullyReceivedDate();

    public abstract @Nullable String supplierInvoiceReference();

    public abstract @Nullable Instant invoiceDate();

    /** Custom fields exactly as Cin7 sent them (values may be JSON null); empty when absent. */
    public abstract Map<String, JsonNode> customFields();

    public abstract List<PurchaseOrderLine> lineItems();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PurchaseOrder} values. */
    public static final class Builder extends ImmutablePurchaseOrder.Builder {}
}
