package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A Cin7 product ({@code v1/Products}) with its options.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableProduct.class)
public abstract class Product implements Identified {
    public abstract long id();

    /** The status, as Cin7 sends it; null when absent. */
    public abstract @Nullable ProductStatus status();

    /** The name, as Cin7 shows it. */
    public abstract @Nullable String name();

    /** The product's style code: what its options share. */
    public abstract @Nullable String styleCode();

    /** The product's category. */
    public abstract @Nullable String category();

    /** The product's sub-category. */
    public abstract @Nullable String subCategory();

    /** The product's brand. */
    public abstract @Nullable String brand();

    /** When the record was created in Cin7, in UTC. */
    public abstract @Nullable Instant createdDate();

    /** When Cin7 last changed the record, in UTC: what windows are read by. */
    public abstract @Nullable Instant modifiedDate();

    /** Custom fields exactly as Cin7 sent them (values may be JSON null); empty when absent. */
    public abstract Map<String, JsonNode> customFields();

    /** The product's options: one per SKU; empty when it has none. */
    public abstract List<ProductOption> productOptions();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Product} values. */
    public static final class Builder extends ImmutableProduct.Builder {}
}
