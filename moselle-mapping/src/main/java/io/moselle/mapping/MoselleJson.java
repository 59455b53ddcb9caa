package io.moselle.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The JSON form of the domain records: dates as UTC ISO-8601 with {@code Z} keeping exactly the
 * precision they have ({@code 2026-10-01T09:30:00Z}, {@code 2024-11-16T13:41:56.1794562Z}),
 * decimals as plain JSON numbers with their scale (also through a {@code JsonNode}), absent values
 * as {@code null}. Reading is strict: an unknown field is an error.
 */
public final class MoselleJson {
    /** ISO-8601 in UTC with as many fraction digits as needed, none when whole seconds. */
    public static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(java.time.ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = create();
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private MoselleJson() {}

    /**
     * A new mapper configured for the domain's JSON, the caller's own to configure further. Making
     * one costs: keep it (as a constant), or use {@link #reader()} and {@link #writer()}.
     */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** Reads the domain's JSON; immutable and thread-safe, so shared. */
    public static ObjectReader reader() {
        return READER;
    }

    /** Writes the domain's JSON; immutable and thread-safe, so shared. */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /** Formats an instant the way records are written. */
    public static String format(Instant instant) {
        return INSTANT.format(instant);
    }

    private static ObjectMapper create() {
        SimpleModule dates = new SimpleModule("moselle-dates")
                .addSerializer(Instant.class, new StdScalarSerializer<>(Instant.class) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                        gen.writeString(format(value));
                    }
                })
                .addDeserializer(Instant.class, new StdScalarDeserializer<>(Instant.class) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                        String text = p.getValueAsString();
                        try {
                            return Instant.parse(text);
                        } catch (DateTimeParseException | NullPointerException e) {
                            return (Instant) ctxt.handleWeirdStringValue(Instant.class, String.valueOf(text), "not an ISO-8601 instant");
                        }
                    }
                });
        return JsonMapper.builder()
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // a tree keeps a decimal as written (59.90 stays 59.90), so records survive a round trip through JsonNode
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(dates)
                .build();
    }
}
