package io.moselle.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A dispatched sale: the history Moselle forecasts from. Key: {@link #externalId()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSalesOrder.class)
@JsonDeserialize(as = ImmutableSalesOrder.class)
@JsonPropertyOrder({"externalId", "orderNumber", "date", "channel", "warehouse", "currency", "lines", "attributes"})
public abstract class SalesOrder {
    /** The source system id. */
    public abstract long externalId();

    /** The order's number as people know it, or null. */
    public abstract @Nullable String orderNumber();

    /** The date the sale counts on. */
    public abstract Instant date();

    /** The sales channel. */
    public abstract String channel();

    /** The warehouse key. */
    public abstract String warehouse();

    /** The currency, or null. */
    public abstract @Nullable String currency();

    /** The lines, in the source's order. */
    public abstract List<SalesOrderLine> lines();

    /** Custom attributes, values as the source sent them. */
    public abstract Map<String, JsonNode> attributes();

    /** A builder of {@link SalesOrder} values; {@code build()} names a required field left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SalesOrder} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableSalesOrder.Builder {}
}
