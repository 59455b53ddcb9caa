package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A Cin7 sales order ({@code v1/SalesOrders}).
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableSalesOrder.class)
public abstract class SalesOrder implements Identified {
    public abstract long id();

    /** The order number; Shopify-sourced orders keep Shopify names such as {@code #1234}. */
    public abstract @Nullable String reference();

    /** When the record was created in Cin7, in UTC. */
    public abstract @Nullable Instant createdDate();

    /** When Cin7 last changed the record, in UTC: what windows are read by. */
    public abstract @Nullable Instant modifiedDate();

    /** When the order was invoiced. */
    public abstract @Nullable Instant invoiceDate();

    /** The date the order was fully dispatched. */
    public abstract @Nullable Instant dispatchedDate();

    /** The status, as Cin7 sends it; null when absent. */
    public abstract @Nullable OrderStatus status();

    /** Free text per account (New, Dispatched, Fully Dispatched, ...). */
    public abstract @Nullable String stage();

    /** Whether the order was voided. */
    public abstract @Nullable Boolean isVoid();

    /** Whether the order is approved. */
    public abstract @Nullable Boolean isApproved();

    /** Free-text origin or sales channel. */
    public abstract @Nullable String source();

    /** The branch the record belongs to. */
    public abstract @Nullable Long branchId();

    /** The branch the order is fulfilled from. */
    public abstract @Nullable Long distributionBranchId();

    /** The order's currency, e.g. {@code NZD}. */
    public abstract @Nullable String currencyCode();

    /** The customer (a Cin7 contact) of the order. */
    public abstract @Nullable Long memberId();

    /** The customer's company. */
    public abstract @Nullable String company();

    /** When the order was cancelled, if it was. */
    public abstract @Nullable Instant cancellationDate();

    /** Custom fields exactly as Cin7 sent them (values may be JSON null); empty when absent. */
    public abstract Map<String, JsonNode> customFields();

    /** The lines, in Cin7's order; empty when there are none. */
    public abstract List<SalesOrderLine> lineItems();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SalesOrder} values. */
    public static final class Builder extends ImmutableSalesOrder.Builder {}
}
