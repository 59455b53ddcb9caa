package io.moselle.mapping.cin7;

import java.util.Collection;

/** Cin7 text as Moselle reads it: trimmed, and blank read as absent. */
final class Text {
    private Text() {}

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static boolean isBlank(String text) {
        return clean(text) == null;
    }

    /** Whether {@code text}, trimmed, equals one of {@code names} ignoring case. */
    static boolean equalsAnyIgnoreCase(String text, Collection<String> names) {
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
