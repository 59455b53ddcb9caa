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

    public abstract @Nullable String reference();

    public abstract @Nullable Long sourceBranchId();

    public abstract @Nullable Long destinationBranchId();

    public abstract @Nullable Instant createdDate();

    public abstract @Nullable Instant modifiedDate();

    public abstract @Nullable Boolean isApproved();

    public abstract @Nullable Instant approvalDate();

    public abstract @Nullable Instant dispatchedDate();

    public abstract @Nullable Instant receivedDate();

    /** Free text, values undocumented. */
    public abstract @Nullable String stage();

    /** Custom fields exactly as Cin7 sent them (values may be JSON null); empty when absent. */
    public abstract Map<String, JsonNode> customFields();

    public abstract List<BranchTransferLine> lineItems();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BranchTransfer} values. */
    public static final class Builder extends ImmutableBranchTransfer.Builder {}
}
