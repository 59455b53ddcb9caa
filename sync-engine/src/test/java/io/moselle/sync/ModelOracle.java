package io.moselle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.moselle.cin7.client.model.OptionStatus;
import io.moselle.cin7.client.model.OrderStatus;
import io.moselle.cin7.client.model.ProductStatus;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A second opinion on what the client makes of one record's JSON, written from the model's
 * declared types and the documented reading rules, independently of the reader: which field it
 * refuses first, or what value it reads.
 */
final class ModelOracle {
    private ModelOracle() {}

    /** A model property: its accessor. */
    record Property(String name, Method accessor) {
        Type type() {
            return accessor.getGenericReturnType();
        }
    }

    /** The property of {@code model} that a JSON key names (case-insensitively), if any: other keys are ignored. */
    static Optional<Property> property(Class<?> model, String jsonKey) {
        for (Method m : model.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(jsonKey)) {
                return Optional.of(new Property(m.getName(), m));
            }
        }
        return Optional.empty();
    }

    /**
     * The path, below the record, of the first field the reader must refuse (in document order,
     * then missing required fields), or empty when it reads the record.
     */
    static Optional<String> firstRefused(Class<?> model, JsonNode record) {
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Optional<Property> property = property(model, field.getKey());
            if (property.isPresent()) {
                Optional<String> refused = refused(property.get().type(), field.getValue(), property.get().name());
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        for (Method m : model.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType().isPrimitive()) {
                JsonNode value = valueOf(record, m.getName());
                if (value == null || value.isNull()) {
                    return Optional.of(m.getName()); // a required value: absent or null
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode valueOf(JsonNode record, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    private static Optional<String> refused(Type type, JsonNode value, String path) {
        if (value.isTextual() && value.textValue().isBlank() && type instanceof ParameterizedType) {
            return Optional.empty(); // blank text is absent: an empty list or map
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (value.isNull()) {
                return Optional.empty();
            }
            if (!value.isArray()) {
                return Optional.of(path);
            }
            Class<?> element = (Class<?>) list.getActualTypeArguments()[0];
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isObject()) {
                    return Optional.of(path + "[" + i + "]");
                }
                Optional<String> inner = firstRefused(element, value.get(i));
                if (inner.isPresent()) {
                    return Optional.of(path + "[" + i + "]." + inner.get());
                }
            }
            return Optional.empty();
        }
        if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
            return value.isNull() || value.isObject() ? Optional.empty() : Optional.of(path);
        }
        return read(type, value) ? Optional.empty() : Optional.of(path);
    }

    /** Whether a scalar of {@code type} reads {@code value}. Blank text is absent, as Cin7 sends it. */
    private static boolean read(Type type, JsonNode value) {
        if (value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
            return type != long.class && type != boolean.class;
        }
        if (type == String.class) {
            return value.isValueNode();
        }
        if (type == long.class || type == Long.class) {
            return value.isIntegralNumber() && value.canConvertToLong();
        }
        if (type == Integer.class) {
            return value.isIntegralNumber() && value.canConvertToInt();
        }
        if (type == BigDecimal.class) {
            return value.isNumber();
        }
        if (type == Boolean.class || type == boolean.class) {
            return value.isBoolean();
        }
        if (type == Instant.class) {
            return value.isTextual() && (value.textValue().isBlank() || instant(value.textValue()) != null);
        }
        if (type == OrderStatus.class) {
            return value.isTextual() || (value.isIntegralNumber() && List.of("0", "1", "2").contains(value.asText()));
        }
        if (type == ProductStatus.class || type == OptionStatus.class) {
            return value.isTextual();
        }
        throw new IllegalStateException("the oracle does not know " + type);
    }

    /** The value a reader makes of {@code value} for a property of {@code type}, when it reads it. */
    static Object expected(Type type, JsonNode value, String literal) {
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
            return type instanceof ParameterizedType p ? (p.getRawType() == List.class ? List.of() : Map.of()) : null;
        }
        if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
            Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
            value.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
            return fields;
        }
        if (type == String.class) {
            String text = value.isTextual() ? value.textValue() : literal;
            return text.isBlank() ? null : text;
        }
        if (type == long.class || type == Long.class) {
            return value.longValue();
        }
        if (type == Integer.class) {
            return value.intValue();
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(literal);
        }
        if (type == Boolean.class) {
            return value.booleanValue();
        }
        if (type == Instant.class) {
            return value.textValue().isBlank() ? null : instant(value.textValue());
        }
        if (type == OrderStatus.class) {
            return OrderStatus.of(value.isTextual() ? value.textValue() : (Object) value.intValue());
        }
        if (type == ProductStatus.class) {
            return ProductStatus.of(value.textValue());
        }
        if (type == OptionStatus.class) {
            return OptionStatus.of(value.textValue());
        }
        throw new IllegalStateException("the oracle reads no " + type + " from " + literal);
    }

    /** Cin7's dates as documented: with an offset, without (UTC), or a plain date. */
    private static Instant instant(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
