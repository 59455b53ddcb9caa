package io.moselle.mapping.cin7;

import java.util.Optional;

/**
 * The settings of one Cin7 branch: the warehouse key it maps to, that warehouse's name, and
 * whether it is enabled. Any part may be left out to keep its default.
 *
 * @param key the warehouse key; null for the default (the branch id)
 * @param name the warehouse name; null for the default
 * @param enabled null for the default (enabled when the branch is active)
 */
public record BranchSetting(String key, String name, Boolean enabled) {
    /** A setting; blank texts count as absent. */
    public BranchSetting {
        key = blankToNull(key);
        name = blankToNull(name);
    }

    /** The branch mapped to the warehouse {@code key}, which several branches may share. */
    public static BranchSetting mapTo(String key) {
        return new BranchSetting(key, null, null);
    }

    /** The branch left out: its stock, orders and transfers are not synced. */
    public static BranchSetting disabled() {
        return new BranchSetting(null, null, false);
    }

    /** The warehouse key set for the branch; empty for the default (the branch id). */
    public Optional<String> keyOverride() {
        return Optional.ofNullable(key);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
