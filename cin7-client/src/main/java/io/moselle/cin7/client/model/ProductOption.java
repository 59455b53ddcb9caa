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

    public abstract @Nullable Long productId();

    /** The SKU as real accounts fill it (Cin7 marks it obsolete in favour of {@link #productOptionCode()}). */
    public abstract @Nullable String code();

    public abstract @Nullable String productOptionCode();

    public abstract @Nullable String barcode();

    public abstract @Nullable String option1();

    public abstract @Nullable String option2();

    public abstract @Nullable String option3();

    public abstract @Nullable String size();

    public abstract @Nullable OptionStatus status();

    public abstract @Nullable BigDecimal retailPrice();

    public abstract @Nullable BigDecimal stockAvailable();

    public abstract @Nullable BigDecimal stockOnHand();

    /** A builder, for tests and fakes; Cin7 responses are read by the client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProductOption} values. */
    public static final class Builder extends ImmutableProductOption.Builder {}
}
