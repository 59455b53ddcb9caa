package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A Cin7 branch ({@code v1/Branches}): a warehouse, store or other stock location.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableBranch.class)
public abstract class Branch implements Identified {
    public abstract long id();

    /** The branch display name; Cin7 has no {@code name} field for branches. */
    public abstract @Nullable String company();

    public abstract @Nullable Boolean isActive();

    /** Free text such as {@code Head Office}, {@code Warehouse}, {@code Retail Branch}. */
    public abstract @Nullable String branchType();

    public abstract @Nullable Instant modifiedDate();

    public abstract @Nullable String address1();

    public abstract @Nullable String address2();

    public abstract @Nullable String city();

    public abstract @Nullable String state();

    public abstract @Nullable String postCode();

    public abstract @Nullable String country();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Branch} values. */
    public static final class Builder extends ImmutableBranch.Builder {}
}
