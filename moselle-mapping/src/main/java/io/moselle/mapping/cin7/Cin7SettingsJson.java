package io.moselle.mapping.cin7;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@link Cin7Settings} as the documented JSON. Every key is optional; an unknown
 * key, a value of the wrong type or a negative number of days is a {@link SettingsException}
 * naming the key.
 */
public final class Cin7SettingsJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("warehouses", "channels", "defaultChannel", "excludedSources",
            "dispatchedStages", "customFields", "lookbackDays", "initialHistoryDays");
    private static final Set<String> BRANCH = Set.of("key", "name", "enabled");

    private Cin7SettingsJson() {}

    /** @throws SettingsException naming the key, or the line and column of invalid JSON */
    public static Cin7Settings read(String json) {
        try {
            return read(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw invalidJson(e);
        }
    }

    /** @throws SettingsException naming the key, or the line and column of invalid JSON */
    public static Cin7Settings read(InputStream json) throws IOException {
        try {
            return read(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw invalidJson(e);
        }
    }

    private static SettingsException invalidJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String problem = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        return new SettingsException("(file)", "is not valid JSON" + where + ": " + problem);
    }

    private static Cin7Settings read(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            return Cin7Settings.defaults();
        }
        ObjectNode top = object("(root)", root);
        checkKeys("", top, TOP);
        Cin7Settings.Builder b = Cin7Settings.builder();
        node(top, "warehouses").ifPresent(w -> fields("warehouses", w).forEach(e -> {
            String path = "warehouses." + e.getKey();
            long branchId;
            try {
                branchId = Long.parseLong(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw new SettingsException(path, "must be keyed by a Cin7 branch id (a number)");
            }
            ObjectNode branch = object(path, e.getValue());
            checkKeys(path + ".", branch, BRANCH);
            b.branch(branchId, new BranchSetting(text(branch, path + ".key", "key"), text(branch, path + ".name", "name"),
                    bool(branch, path + ".enabled", "enabled")));
        }));
        node(top, "channels").ifPresent(c -> fields("channels", c).forEach(e ->
                b.channel(e.getKey(), requiredText("channels." + e.getKey(), e.getValue()))));
        if (top.has("defaultChannel")) {
            b.defaultChannel(text(top, "defaultChannel", "defaultChannel"));
        }
        node(top, "excludedSources").ifPresent(n -> b.excludedSources(textList("excludedSources", n)));
        node(top, "dispatchedStages").ifPresent(n -> b.dispatchedStages(textList("dispatchedStages", n)));
        node(top, "customFields").ifPresent(n -> fields("customFields", n).forEach(e -> {
            RecordSet target = target("customFields." + e.getKey(), e.getKey());
            fields("customFields." + e.getKey(), e.getValue()).forEach(f ->
                    b.customField(target, f.getKey(), requiredText("customFields." + e.getKey() + "." + f.getKey(), f.getValue())));
        }));
        node(top, "lookbackDays").ifPresent(n -> fields("lookbackDays", n).forEach(e -> {
            String path = "lookbackDays." + e.getKey();
            b.lookbackDays(stream(path, e.getKey()), days(path, e.getValue()));
        }));
        node(top, "initialHistoryDays").ifPresent(n -> b.initialHistoryDays(days("initialHistoryDays", n)));
        return b.build();
    }

    /** The settings as JSON, every key present. */
    public static String write(Cin7Settings settings) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode warehouses = root.putObject("warehouses");
        settings.branches().forEach((id, s) -> {
            ObjectNode w = warehouses.putObject(Long.toString(id));
            if (s.key() != null) {
                w.put("key", s.key());
            }
            if (s.name() != null) {
                w.put("name", s.name());
            }
            if (s.enabled() != null) {
                w.put("enabled", s.enabled());
            }
        });
        ObjectNode channels = root.putObject("channels");
        settings.channels().forEach(channels::put);
        root.put("defaultChannel", settings.defaultChannel());
        settings.excludedSources().forEach(root.putArray("excludedSources")::add);
        settings.dispatchedStages().forEach(root.putArray("dispatchedStages")::add);
        ObjectNode custom = root.putObject("customFields");
        for (RecordSet t : RecordSet.values()) {
            Map<String, String> fields = settings.customFields(t);
            if (!fields.isEmpty()) {
                ObjectNode f = custom.putObject(t.jsonName());
                fields.forEach(f::put);
            }
        }
        ObjectNode lookback = root.putObject("lookbackDays");
        for (RecordSet s : RecordSet.values()) {
            if (s.isWindowed()) {
                lookback.put(s.jsonName(), settings.lookbackDays(s));
            }
        }
        root.put("initialHistoryDays", settings.initialHistoryDays());
        return root.toString();
    }

    private static java.util.Optional<JsonNode> node(ObjectNode parent, String name) {
        JsonNode n = parent.get(name);
        return n == null || n.isNull() ? java.util.Optional.empty() : java.util.Optional.of(n);
    }

    private static ObjectNode object(String path, JsonNode node) {
        if (!(node instanceof ObjectNode o)) {
            throw new SettingsException(path, "must be an object, was " + kind(node));
        }
        return o;
    }

    private static List<Map.Entry<String, JsonNode>> fields(String path, JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        object(path, node).fields().forEachRemaining(entries::add);
        return entries;
    }

    private static void checkKeys(String prefix, ObjectNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new SettingsException(prefix + key, "is not a known setting (known: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(ObjectNode node, String path, String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        return requiredText(path, n);
    }

    private static String requiredText(String path, JsonNode n) {
        if (!n.isTextual()) {
            throw new SettingsException(path, "must be text, was " + kind(n));
        }
        return n.textValue();
    }

    private static Boolean bool(ObjectNode node, String path, String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw new SettingsException(path, "must be true or false, was " + kind(n));
        }
        return n.booleanValue();
    }

    private static List<String> textList(String path, JsonNode n) {
        if (!n.isArray()) {
            throw new SettingsException(path, "must be a list of text, was " + kind(n));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : n) {
            values.add(requiredText(path + "[" + values.size() + "]", item));
        }
        return values;
    }

    private static int days(String path, JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new SettingsException(path, "must be a whole number of days, was " + kind(n));
        }
        if (n.intValue() < 0) {
            throw new SettingsException(path, "must be zero or more days, was " + n.intValue());
        }
        return n.intValue();
    }

    private static RecordSet target(String path, String name) {
        for (RecordSet t : RecordSet.values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        throw new SettingsException(path, "is not a record type (" + names(EnumSet.allOf(RecordSet.class)) + ")");
    }

    private static RecordSet stream(String path, String name) {
        for (RecordSet s : RecordSet.values()) {
            if (s.isWindowed() && s.jsonName().equals(name)) {
                return s;
            }
        }
        throw new SettingsException(path, "is not a windowed stream (" + windowedNames() + ")");
    }

    /** The JSON names of the windowed sets, e.g. for messages. */
    static String windowedNames() {
        return names(EnumSet.allOf(RecordSet.class).stream().filter(RecordSet::isWindowed).toList());
    }

    private static String names(java.util.Collection<RecordSet> sets) {
        return sets.stream().map(RecordSet::jsonName).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        return switch (n.getNodeType()) {
            case STRING -> "text \"" + n.textValue() + "\"";
            case NUMBER -> "the number " + n.asText();
            case BOOLEAN -> n.asText();
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
