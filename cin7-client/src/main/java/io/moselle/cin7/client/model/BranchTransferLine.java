package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A line of a branch transfer.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableBranchTransferLine.class)
public abstract class BranchTransferLine {
    /** The line's id in Cin7. */
    public abstract @Nullable Long id();

    /** The Cin7 product the line is of. */
    public abstract @Nullable Long productId();

    /** The product option (the SKU) the line is of. */
    public abstract @Nullable Long productOptionId();

    /** The SKU. */
    public abstract @Nullable String code();

    /** The quantity ordered, as Cin7 sends it. */
    public abstract @Nullable BigDecimal qty();

    /** Set once the transfer is dispatched or completed. */
    public abstract @Nullable BigDecimal qtyTransferred();

    /** The cost of one unit. */
    public abstract @Nullable BigDecimal unitCost();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BranchTransferLine} values. */
    public static final class Builder extends ImmutableBranchTransferLine.Builder {}
}
