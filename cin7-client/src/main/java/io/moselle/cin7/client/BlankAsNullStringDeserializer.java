package io.moselle.cin7.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Cin7 sends {@code ""} for empty text: blank text is read as absent. Numbers and booleans are
 * kept as their exact text; objects and arrays are refused.
 */
final class BlankAsNullStringDeserializer extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    BlankAsNullStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText();
            return text.isBlank() ? null : text;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
}
