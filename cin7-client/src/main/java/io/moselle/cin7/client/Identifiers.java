package io.moselle.cin7.client;

import java.util.regex.Pattern;

/** Field names go into Cin7 queries as they are, so only plain identifiers are let through. */
final class Identifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private Identifiers() {}

    /**
     * @throws IllegalArgumentException naming {@code setting} unless {@code name} is a plain identifier
     */
    static String require(String setting, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(setting + ": field name must be a plain identifier, was '" + name + "'");
        }
        return name;
    }
}
