package io.moselle.cin7.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The {@code status} of a product option: {@code Primary}, {@code Active}, {@code Disabled}, or other text. */
public final class OptionStatus extends TextCode {
    /** The product's primary option. */
    public static final OptionStatus PRIMARY = new OptionStatus("Primary");
    /** An option on sale. */
    public static final OptionStatus ACTIVE = new OptionStatus("Active");
    /** An option no longer sold. */
    public static final OptionStatus DISABLED = new OptionStatus("Disabled");

    @JsonCreator(mode = JsonCreator.Mode.DISABLED) // only of(...) creates values, so blank text stays absent
    private OptionStatus(String text) {
        super(text);
    }

    /** The status for Cin7's text; blank text gives {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable OptionStatus of(Object value) {
        String text = textOf(value, "option status");
        return text.isBlank() ? null : new OptionStatus(text);
    }
}
