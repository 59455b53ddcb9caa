package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A stock row ({@code v1/Stock}): one product option in one branch. Stock rows have no id.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableStockItem.class)
public abstract class StockItem {
    /** The Cin7 product the line is of. */
    public abstract @Nullable Long productId();

    /** The product option (the SKU) the line is of. */
    public abstract @Nullable Long productOptionId();

    /** The branch the record belongs to. */
    public abstract @Nullable Long branchId();

    /** The branch's name, as the stock row gives it. */
    public abstract @Nullable String branchName();

    /** The SKU. */
    public abstract @Nullable String code();

    /** The barcode of the option. */
    public abstract @Nullable String barcode();

    /** The product's name, as the stock row gives it. */
    public abstract @Nullable String productName();

    /** The time of the last stock transaction. */
    public abstract @Nullable Instant modifiedDate();

    /** {@code stockOnHand - openSales}; may be negative. */
    public abstract @Nullable BigDecimal available();

    /** Units on hand. */
    public abstract @Nullable BigDecimal stockOnHand();

    /** Units on open sales orders. */
    public abstract @Nullable BigDecimal openSales();

    /** Inbound purchase-order quantity. */
    public abstract @Nullable BigDecimal incoming();

    /** Virtual stock of kits. */
    public abstract @Nullable BigDecimal virtual();

    /** Stock in transit on dispatched branch transfers (unverified meaning). */
    public abstract @Nullable BigDecimal holding();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link StockItem} values. */
    public static final class Builder extends ImmutableStockItem.Builder {}
}
