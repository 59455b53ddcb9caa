package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A Cin7 branch transfer ({@code v1/BranchTransfers}). It has no status: its state follows from its dates and stage.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableBranchTransfer.class)
public abstract class BranchTransfer implements Identified {
    public abstract long id();

    /** The reference, as people know it. */
    public abstract @Nullable String reference();

    /** The branch the stock leaves from. */
    public abstract @Nullable Long sourceBranchId();

    /** The branch the stock goes to. */
    public abstract @Nullable Long destinationBranchId();

    /** When the record was created in Cin7, in UTC. */
    public abstract @Nullable Instant createdDate();

    /** When Cin7 last changed the record, in UTC: what windows are read by. */
    public abstract @Nullable Instant modifiedDate();

    /** Whether the order is approved. */
    public abstract @Nullable Boolean isApproved();

    /** When the transfer was approved. */
    public abstract @Nullable Instant approvalDate();

    /** When the goods left. */
    public abstract @Nullable Instant dispatchedDate();

    /** When the transfer arrived at its destination. */
    public abstract @Nullable Instant receivedDate();

    /** Free text, values undocumented. */
    public abstract @Nullable String stage();

    /** Custom fields exactly as Cin7 sent them (values may be JSON null); empty when absent. */
    public abstract Map<String, JsonNode> customFields();

    /** The lines, in Cin7's order; empty when there are none. */
    public abstract List<BranchTransferLine> lineItems();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BranchTransfer} values. */
    public static final class Builder extends ImmutableBranchTransfer.Builder {}
}
