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

    /** Whether the branch is active; null when Cin7 does not say. */
    public abstract @Nullable Boolean isActive();

    /** Free text such as {@code Head Office}, {@code Warehouse}, {@code Retail Branch}. */
    public abstract @Nullable String branchType();

    /** When Cin7 last changed the record, in UTC: what windows are read by. */
    public abstract @Nullable Instant modifiedDate();

    /** The first line of the branch's address. */
    public abstract @Nullable String address1();

    /** The second line of the branch's address. */
    public abstract @Nullable String address2();

    /** The branch's city. */
    public abstract @Nullable String city();

    /** The branch's state or region. */
    public abstract @Nullable String state();

    /** The branch's postcode. */
    public abstract @Nullable String postCode();

    /** The branch's country. */
    public abstract @Nullable String country();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Branch} values. */
    public static final class Builder extends ImmutableBranch.Builder {}
}
