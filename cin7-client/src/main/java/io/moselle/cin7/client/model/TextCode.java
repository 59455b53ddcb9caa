package io.moselle.cin7.client.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An enum-like Cin7 value: compared without regard to case, and kept as text when it is not
 * one of the values this SDK knows, so a new value in Cin7 never breaks parsing.
 */
abstract class TextCode {
    private final String text;

    TextCode(String text) {
        this.text = Objects.requireNonNull(text, "text").trim();
    }

    /** The value as Cin7 sent it, trimmed. */
    public final String text() {
        return text;
    }

    /** Whether this value equals {@code other}, ignoring case. */
    public final boolean is(String other) {
        return other != null && text.equalsIgnoreCase(other.trim());
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((TextCode) o).text.equalsIgnoreCase(text);
    }

    @Override
    public final int hashCode() {
        return text.toUpperCase(Locale.ROOT).hashCode();
    }

    @Override
    public final String toString() {
        return text;
    }

    static String textOf(Object json, String type) {
        if (json == null) {
            return "";
        }
        if (json instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(type + " must be text, got " + json);
    }
}
