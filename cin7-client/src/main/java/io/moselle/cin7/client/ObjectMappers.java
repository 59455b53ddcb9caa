package io.moselle.cin7.client;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The one Jackson configuration for reading Cin7 responses. */
final class ObjectMappers {
    /** Shared: a mapper is thread-safe once built, and sharing it shares its deserializer caches across clients. */
    private static final ObjectMapper CIN7 = create();

    private ObjectMappers() {}

    /**
     * A mapper for Cin7 JSON: unknown fields ignored, keys matched case-insensitively (Cin7 sends
     * camelCase, its docs show PascalCase), a key given twice refused, decimals exact, {@code ""} read as absent, lenient
     * dates, and no silent coercion (a float is never truncated into an integer, text is never
     * parsed into a number). A {@code null} list is read as empty; a {@code null} element in a
     * list is an error. One shared instance; do not reconfigure it.
     */
    static ObjectMapper cin7() {
        return CIN7;
    }

    private static ObjectMapper create() {
        SimpleModule quirks = new SimpleModule("cin7-quirks")
                .addDeserializer(Instant.class, new LenientInstantDeserializer())
                .addDeserializer(String.class, new BlankAsNullStringDeserializer());
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a key given twice makes a record ambiguous: refused
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
                .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.construct(Nulls.AS_EMPTY, Nulls.FAIL)))
                .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .addModule(quirks)
                .build();
    }
}
