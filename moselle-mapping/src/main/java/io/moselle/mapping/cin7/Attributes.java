package io.moselle.mapping.cin7;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies the configured Cin7 custom fields into Moselle attributes, values exactly as they are. */
final class Attributes {
    private Attributes() {}

    static Map<String, JsonNode> copy(Map<String, JsonNode> customFields, Map<String, String> mapping) {
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        mapping.forEach((cin7Key, attribute) -> {
            JsonNode value = customFields.get(cin7Key);
            if (value == null) {
                value = customFields.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(cin7Key))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (value != null) {
                attributes.put(attribute, value);
            }
        });
        return attributes;
    }
}
