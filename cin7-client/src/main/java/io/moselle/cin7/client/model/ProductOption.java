package io.moselle.cin7.client.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A product option ({@code productOptions[]} of a product): one sellable variant, normally one SKU.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableProductOption.class)
public abstract class ProductOption implements Identified {
    /** Cin7 reports option ids as not always unique. */
    public abstract long id();

    /** The Cin7 product the line is of. */
    public abstract @Nullable Long productId();

    /** The SKU as real accounts fill it (Cin7 marks it obsolete in favour of {@link #productOptionCode()}). */
    public abstract @Nullable String code();

    /** The option's code: its SKU. */
    public abstract @Nullable String productOptionCode();

    /** The barcode of the option. */
    public abstract @Nullable String barcode();

    /** The first option value, e.g. a colour. */
    public abstract @Nullable String option1();

    /** The second option value, e.g. a size. */
    public abstract @Nullable String option2();

    /** The third option value. */
    public abstract @Nullable String option3();

    /** The option's size. */
    public abstract @Nullable String size();

    /** The status, as Cin7 sends it; null when absent. */
    public abstract @Nullable OptionStatus status();

    /** The retail price of one unit. */
    public abstract @Nullable BigDecimal retailPrice();

    /** Units available to sell, as Cin7 counts them. */
    public abstract @Nullable BigDecimal stockAvailable();

    /** Units on hand. */
    public abstract @Nullable BigDecimal stockOnHand();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProductOption} values. */
    public static final class Builder extends ImmutableProductOption.Builder {}
}
