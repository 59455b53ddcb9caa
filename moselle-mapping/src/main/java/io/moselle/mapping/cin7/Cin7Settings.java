package io.moselle.mapping.cin7;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every tenant setting of the Cin7 Omni integration, each with its default: how branches map to
 * warehouses, how sales sources map to channels, which sources and stages count, which custom
 * fields to keep, and how far back to read. Immutable and thread-safe; {@link Cin7SettingsJson}
 * reads and writes the JSON form.
 */
public final class Cin7Settings {
    /** The order sources left out of the sales history, unless the settings say otherwise. */
    public static final List<String> DEFAULT_EXCLUDED_SOURCES = List.of("shopify");
    /** The stages of a sales order that count as dispatched, unless the settings say otherwise. */
    public static final List<String> DEFAULT_DISPATCHED_STAGES = List.of("Dispatched", "Fully Dispatched");
    /** How far back each daily run reads again, unless the settings say otherwise. */
    public static final int DEFAULT_LOOKBACK_DAYS = 90;
    /** How far back a first run reads history, unless the settings say otherwise. */
    public static final int DEFAULT_INITIAL_HISTORY_DAYS = 730;

    private static final Cin7Settings DEFAULTS = builder().build();

    private final Map<Long, BranchSetting> branches;
    private final Map<String, String> channels;
    private final String defaultChannel;
    private final List<String> excludedSources;
    private final List<String> dispatchedStages;
    private final Map<RecordSet, Map<String, String>> customFields;
    private final Map<RecordSet, Integer> lookbackDays;
    private final int initialHistoryDays;

    private Cin7Settings(Builder b) {
        this.branches = Collections.unmodifiableMap(new TreeMap<>(b.branches));
        this.channels = Collections.unmodifiableMap(new LinkedHashMap<>(b.channels));
        this.defaultChannel = b.defaultChannel;
        this.excludedSources = List.copyOf(b.excludedSources);
        this.dispatchedStages = List.copyOf(b.dispatchedStages);
        Map<RecordSet, Map<String, String>> fields = new EnumMap<>(RecordSet.class);
        for (RecordSet t : RecordSet.values()) {
            fields.put(t, Collections.unmodifiableMap(new LinkedHashMap<>(b.customFields.getOrDefault(t, Map.of()))));
        }
        this.customFields = Collections.unmodifiableMap(fields);
        Map<RecordSet, Integer> lookback = new EnumMap<>(RecordSet.class);
        for (RecordSet s : RecordSet.values()) {
            if (s.isWindowed()) {
                lookback.put(s, b.lookbackDays.getOrDefault(s, DEFAULT_LOOKBACK_DAYS));
            }
        }
        this.lookbackDays = Collections.unmodifiableMap(lookback);
        this.initialHistoryDays = b.initialHistoryDays;
    }

    /** Every setting at its default. */
    public static Cin7Settings defaults() {
        return DEFAULTS;
    }

    /** A builder of settings; with nothing set, the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings per Cin7 branch id; branches not listed keep their defaults. */
    public Map<Long, BranchSetting> branches() {
        return branches;
    }

    /** Cin7 {@code source} to channel: exact match after trimming, ignoring case. */
    public Map<String, String> channels() {
        return channels;
    }

    /** The channel of a source no rule matches; null to use the trimmed source itself (or {@code Cin7} when blank). */
    public String defaultChannel() {
        return defaultChannel;
    }

    /** A sales order whose source contains one of these, ignoring case, is not imported. Default {@code shopify}. */
    public List<String> excludedSources() {
        return excludedSources;
    }

    /** Stage names that count as dispatched, ignoring case. Default {@code Dispatched}, {@code Fully Dispatched}. */
    public List<String> dispatchedStages() {
        return dispatchedStages;
    }

    /** Cin7 custom field key to attribute name, per record type. */
    public Map<String, String> customFields(RecordSet target) {
        return customFields.get(target);
    }

    /**
     * Days before the run's start that a daily run reads again; default 90.
     *
     * @throws IllegalArgumentException for a set that is not windowed (products)
     */
    public int lookbackDays(RecordSet set) {
        Integer days = lookbackDays.get(set);
        if (days == null) {
            throw new IllegalArgumentException(set + " is read whole, not in windows: it has no lookback");
        }
        return days;
    }

    /** How far back the first sync of a tenant reaches; default 730 days. */
    public int initialHistoryDays() {
        return initialHistoryDays;
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.branches.putAll(branches);
        b.channels.putAll(channels);
        b.defaultChannel = defaultChannel;
        b.excludedSources = excludedSources;
        b.dispatchedStages = dispatchedStages;
        customFields.forEach((t, m) -> {
            if (!m.isEmpty()) {
                b.customFields.put(t, m);
            }
        });
        b.lookbackDays.putAll(lookbackDays);
        b.initialHistoryDays = initialHistoryDays;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cin7Settings s && s.branches.equals(branches) && s.channels.equals(channels)
                && Objects.equals(s.defaultChannel, defaultChannel) && s.excludedSources.equals(excludedSources)
                && s.dispatchedStages.equals(dispatchedStages) && s.customFields.equals(customFields)
                && s.lookbackDays.equals(lookbackDays) && s.initialHistoryDays == initialHistoryDays;
    }

    @Override
    public int hashCode() {
        return Objects.hash(branches, channels, defaultChannel, excludedSources, dispatchedStages, customFields, lookbackDays, initialHistoryDays);
    }

    @Override
    public String toString() {
        return "Cin7Settings" + Cin7SettingsJson.write(this);
    }

    /** Builds {@link Cin7Settings}; every setter validates at once and names the setting. Not thread-safe. */
    public static final class Builder {
        private final Map<Long, BranchSetting> branches = new TreeMap<>();
        private final Map<String, String> channels = new LinkedHashMap<>();
        private String defaultChannel;
        private List<String> excludedSources = DEFAULT_EXCLUDED_SOURCES;
        private List<String> dispatchedStages = DEFAULT_DISPATCHED_STAGES;
        private final Map<RecordSet, Map<String, String>> customFields = new EnumMap<>(RecordSet.class);
        private final Map<RecordSet, Integer> lookbackDays = new EnumMap<>(RecordSet.class);
        private int initialHistoryDays = DEFAULT_INITIAL_HISTORY_DAYS;

        private Builder() {}

        /** How branch {@code branchId} maps to a warehouse. */
        public Builder branch(long branchId, BranchSetting setting) {
            branches.put(branchId, Objects.requireNonNull(setting, "warehouses." + branchId));
            return this;
        }

        /** The sales channel of orders from {@code source}. */
        public Builder channel(String source, String channel) {
            channels.put(nonBlank("channels", source), nonBlank("channels." + source, channel));
            return this;
        }

        /** The sales channel of orders whose source has none of its own. */
        public Builder defaultChannel(String channel) {
            this.defaultChannel = channel == null || channel.isBlank() ? null : channel.trim();
            return this;
        }

        /** The order sources left out of the sales history. */
        public Builder excludedSources(List<String> sources) {
            this.excludedSources = cleanList("excludedSources", sources);
            return this;
        }

        /** The stages of a sales order that count as dispatched. */
        public Builder dispatchedStages(List<String> stages) {
            this.dispatchedStages = cleanList("dispatchedStages", stages);
            return this;
        }

        /** Copies the Cin7 custom field {@code cin7Key} of {@code target} records into the attribute {@code attribute}. */
        public Builder customField(RecordSet target, String cin7Key, String attribute) {
            String path = "customFields." + target.jsonName();
            customFields.computeIfAbsent(target, t -> new LinkedHashMap<>())
                    .put(nonBlank(path, cin7Key), nonBlank(path + "." + cin7Key, attribute));
            return this;
        }

        /** The lookback of a windowed set (sales orders, purchase orders, branch transfers). */
        public Builder lookbackDays(RecordSet set, int days) {
            Objects.requireNonNull(set, "lookbackDays");
            if (!set.isWindowed()) {
                throw new SettingsException("lookbackDays." + set.jsonName(), "is not a windowed set; only "
                        + Cin7SettingsJson.windowedNames() + " have a lookback");
            }
            lookbackDays.put(set, days("lookbackDays." + set.jsonName(), days));
            return this;
        }

        /** How far back a first run reads history. */
        public Builder initialHistoryDays(int days) {
            this.initialHistoryDays = days("initialHistoryDays", days);
            return this;
        }

        /** The settings. */
        public Cin7Settings build() {
            return new Cin7Settings(this);
        }

        private static int days(String key, int days) {
            if (days < 0) {
                throw new SettingsException(key, "must be zero or more days, was " + days);
            }
            return days;
        }

        private static String nonBlank(String key, String value) {
            if (value == null || value.isBlank()) {
                throw new SettingsException(key, "must not be blank");
            }
            return value.trim();
        }

        private static List<String> cleanList(String key, List<String> values) {
            if (values == null) {
                throw new SettingsException(key, "must be a list of text");
            }
            List<String> clean = new ArrayList<>();
            for (String v : values) {
                clean.add(nonBlank(key + "[" + clean.size() + "]", v));
            }
            return clean;
        }
    }
}
