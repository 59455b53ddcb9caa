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

    public abstract @Nullable Instant createdDate();

    public abstract @Nullable Instant modifiedDate();

    public abstract @Nullable Instant invoiceDate();

    /** The date the order was fully dispatched. */
    public abstract @Nullable Instant dispatchedDate();

    public abstract @Nullable OrderStatus status();

    /** Free text per account (New, Dispatched, Fully Dispatched, ...). */
    public abstract @Nullable String stage();

    public abstract @Nullable Boolean isVoid();

    public abstract @Nullable Boolean isApproved();

    /** Free-text origin or sales channel. */
    public abstract @Nullable String source();

    public abstract @Nullable Long branchId();

    public abstract @Nullable Long distributionBranchId();

    public abstract @Nullable String currencyCode();

    public abstract @Nullable Long memberId();

    public abstract @Nullable String company();

    public abstract @Nullable Instant cancellationDate();

    /** Custom fields exactly as Cin7 sent them (values may be JSON null); empty when absent. */
    public abstract Map<String, JsonNode> customFields();

    public abstract List<SalesOrderLine> lineItems();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SalesOrder} values. */
    public static final class Builder extends ImmutableSalesOrder.Builder {}
}
