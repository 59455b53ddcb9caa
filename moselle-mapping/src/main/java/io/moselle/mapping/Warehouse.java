package io.moselle.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * A stock location in Moselle: one or more source locations (Cin7 branches) merged under one key. Key: {@link #key()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWarehouse.class)
@JsonDeserialize(as = ImmutableWarehouse.class)
@JsonPropertyOrder({"key", "name", "branchIds", "enabled"})
public abstract class Warehouse {
    /** The warehouse key: what records name it by. */
    public abstract String key();

    /** The name, or null. */
    public abstract @Nullable String name();

    /** The source locations merged into this warehouse, ascending. */
    public abstract List<Long> branchIds();

    /** Whether the warehouse is synced: a disabled one's stock and orders are left out. */
    public abstract boolean enabled();

    /** A builder of {@link Warehouse} values; {@code build()} names a required field left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Warehouse} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableWarehouse.Builder {}
}
