package io.moselle.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A product as Moselle plans it: one per SKU. Key: {@link #sku()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProduct.class)
@JsonDeserialize(as = ImmutableProduct.class)
@JsonPropertyOrder({"sku", "name", "variant", "category", "brand", "barcode", "styleCode", "active", "externalProductId", "externalOptionId", "attributes"})
public abstract class Product {
    /** The SKU: the product's key. */
    public abstract String sku();

    /** The name, or null. */
    public abstract @Nullable String name();

    /** The option values (e.g. {@code M / Navy}), or null. */
    public abstract @Nullable String variant();

    /** The category, or null. */
    public abstract @Nullable String category();

    /** The brand, or null. */
    public abstract @Nullable String brand();

    /** The barcode, or null. */
    public abstract @Nullable String barcode();

    /** The style code its variants share, or null. */
    public abstract @Nullable String styleCode();

    /** Whether the product is on sale; a product gone from the source is kept, inactive. */
    public abstract boolean active();

    /** The id of the product in the source, or null. */
    public abstract @Nullable Long externalProductId();

    /** The id of the option (the SKU) in the source, or null. */
    public abstract @Nullable Long externalOptionId();

    /** Custom attributes, values as the source sent them. */
    public abstract Map<String, JsonNode> attributes();

    /** This product marked inactive, everything else kept: what a sink does when the SKU leaves the source. */
    public Product deactivated() {
        return builder().from(this).active(false).build();
    }

    /** A builder of {@link Product} values; {@code build()} names a required field left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Product} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableProduct.Builder {}
}
