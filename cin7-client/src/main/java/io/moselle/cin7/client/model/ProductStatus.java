package io.moselle.cin7.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The {@code status} of a product: {@code Public}, {@code Inactive}, {@code ShowInB2B}, {@code Internal}, or other text. */
public final class ProductStatus extends TextCode {
    /** A product on sale. */
    public static final ProductStatus PUBLIC = new ProductStatus("Public");
    /** A product not on sale. */
    public static final ProductStatus INACTIVE = new ProductStatus("Inactive");
    /** A product shown to B2B customers. */
    public static final ProductStatus SHOW_IN_B2B = new ProductStatus("ShowInB2B");
    /** A product for internal use. */
    public static final ProductStatus INTERNAL = new ProductStatus("Internal");

    @JsonCreator(mode = JsonCreator.Mode.DISABLED) // only of(...) creates values, so blank text stays absent
    private ProductStatus(String text) {
        super(text);
    }

    /** The status for Cin7's text; blank text gives {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable ProductStatus of(Object value) {
        String text = textOf(value, "product status");
        return text.isBlank() ? null : new ProductStatus(text);
    }
}
