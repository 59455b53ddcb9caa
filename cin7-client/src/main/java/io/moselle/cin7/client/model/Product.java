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

    public abstract @Nullable ProductStatus status();

    public abstract @Nullable String name();

    public abstract @Nullable String styleCode();

    public abstract @Nullable String category();

    public abstract @Nullable String subCategory();

    public abstract @Nullable String brand();

    public abstract @Nullable Instant createdDate();

    public abstract @Nullable Instant modifiedDate();

    /** Custom fields exactly as Cin7 sent them (values may be JSON null); empty when absent. */
    public abstract Map<String, JsonNode> customFields();

    public abstract List<ProductOption> productOptions();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Product} values. */
    public static final class Builder extends ImmutableProduct.Builder {}
}
