package io.moselle.mapping.cin7;

/** A tenant setting is invalid. The message names the setting's key, e.g. {@code lookbackDays.salesOrders}. */
public class SettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /** The setting {@code key} is wrong, as {@code problem} says. */
    public SettingsException(String key, String problem) {
        super("settings: " + key + " " + problem);
        this.key = key;
    }

    /** The offending key, as a dotted path in the settings JSON. */
    public String key() {
        return key;
    }
}
