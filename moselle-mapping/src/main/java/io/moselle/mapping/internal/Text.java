package io.moselle.mapping.internal;

import java.util.Collection;

/** Cin7 text as Moselle reads it: trimmed, and blank read as absent. */
public final class Text {
    private Text() {}

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static boolean isBlank(String text) {
        return clean(text) == null;
    }

    /** Whether {@code text}, trimmed, equals one of {@code names} ignoring case. */
    public static boolean equalsAnyIgnoreCase(String text, Collection<String> names) {
        String t = clean(text);
        if (t == null) {
            return false;
        }
        for (String name : names) {
            if (name.trim().equalsIgnoreCase(t)) {
                return true;
            }
        }
        return false;
    }
}
