package io.moselle.cin7.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Cin7 dates: {@code 2026-03-08T22:35:00Z} on the wire, but help samples show offsets and
 * seven-digit fractions ({@code 2024-11-17T02:41:56.1794562+13:00}); a date without zone is
 * read as UTC. Blank text is absent. The precision sent is kept.
 */
final class LenientInstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    LenientInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        String text = p.getText().trim();
        if (text.isEmpty()) {
            return null;
        }
        Instant instant = parse(text);
        if (instant == null) {
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 date");
        }
        return instant;
    }

    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
