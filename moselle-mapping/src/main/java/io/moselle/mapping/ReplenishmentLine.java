package io.moselle.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A line of a {@link ReplenishmentOrder}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReplenishmentLine.class)
@JsonDeserialize(as = ImmutableReplenishmentLine.class)
@JsonPropertyOrder({"sku", "quantity", "unitCost"})
public abstract class ReplenishmentLine {
    /** The SKU. */
    public abstract String sku();

    /** Units ordered. */
    public abstract BigDecimal quantity();

    /** The cost of one unit, or null. */
    public abstract @Nullable BigDecimal unitCost();

    /** A builder of {@link ReplenishmentLine} values; {@code build()} names a required field left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReplenishmentLine} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableReplenishmentLine.Builder {}
}
