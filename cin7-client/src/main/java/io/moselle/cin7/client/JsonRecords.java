package io.moselle.cin7.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Cin7 response bodies as a stream, one record at a time, into typed values. Any content
 * problem becomes an {@link InvalidResponseException} naming the resource, page, record id and
 * field; a body that ends inside its JSON becomes a {@link TruncatedBodyException}, so it can be
 * retried like a dropped connection.
 *
 * @param <T> the record type
 */
final class JsonRecords<T> {
    private static final Pattern MISSING_ATTRIBUTES = Pattern.compile("required attributes are not set \\[([^\\]]*)]");

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final String resource;

    JsonRecords(ObjectMapper mapper, Class<T> type, String resource) {
        this.mapper = mapper;
        this.reader = mapper.readerFor(type);
        this.resource = resource;
    }

    /** Reads a JSON array of records. */
    List<T> readArray(InputStream body, int page) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw notAnArray(parser, first, page);
            }
            List<T> records = new ArrayList<>();
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), index++) {
                if (token != JsonToken.START_OBJECT) {
                    throw invalid(page, null, "[" + index + "]", "expected a record object, got " + describe(token), null);
                }
                records.add(readRecord(parser, page, "[" + index + "]"));
            }
            expectEnd(parser, page);
            return records;
        } catch (JsonProcessingException e) {
            if (isEndOfInput(e)) {
                throw new TruncatedBodyException(resource + " page " + page + ": body cut short: " + e.getOriginalMessage(), e);
            }
            throw invalid(page, null, "", "malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads one JSON object; {@code null} for a JSON {@code null} body or an empty body. */
    T readObject(InputStream body) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return null;
            }
            if (first != JsonToken.START_OBJECT) {
                throw invalid(0, null, "", "expected a JSON object, got " + describe(first), null);
            }
            T record = readRecord(parser, 0, "");
            expectEnd(parser, 0);
            return record;
        } catch (JsonProcessingException e) {
            if (isEndOfInput(e)) {
                throw new TruncatedBodyException(resource + ": body cut short: " + e.getOriginalMessage(), e);
            }
            throw invalid(0, null, "", "malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Buffers one record's tokens, so that a binding error can still name the record's id. */
    private T readRecord(JsonParser parser, int page, String position) throws IOException {
        TokenBuffer buffer = new TokenBuffer(parser);
        try {
            buffer.copyCurrentStructure(parser);
        } catch (JsonProcessingException e) {
            if (isEndOfInput(e)) {
                throw e;
            }
            // a key given twice, or nesting too deep: the record cannot be read, so its id cannot be trusted either
            throw invalid(page, null, position + where(parser), e.getOriginalMessage(), e);
        }
        try (JsonParser recordParser = buffer.asParser(parser.getCodec())) {
            return reader.readValue(recordParser);
        } catch (JsonMappingException e) {
            throw invalid(page, idOf(buffer, parser), position + fieldPath(e), problem(e), e);
        } catch (JsonProcessingException e) {
            throw invalid(page, idOf(buffer, parser), position, e.getOriginalMessage(), e);
        }
    }

    /** Where in the current record the parser stands, as {@code .lineItems[2].qty}: at most four steps below the record. */
    private static String where(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        com.fasterxml.jackson.core.JsonPointer pointer = parser.getParsingContext().pathAsPointer().tail(); // below the page
        for (int steps = 0; pointer != null && !pointer.matches() && steps < 4; steps++, pointer = pointer.tail()) {
            path.append(pointer.getMatchingIndex() >= 0 ? "[" + pointer.getMatchingIndex() + "]" : "." + pointer.getMatchingProperty());
        }
        return path.toString();
    }

    private void expectEnd(JsonParser parser, int page) throws IOException {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw invalid(page, null, "", "unexpected content after the JSON value: " + describe(trailing), null);
        }
    }

    private InvalidResponseException notAnArray(JsonParser parser, JsonToken first, int page) throws IOException {
        if (first == JsonToken.START_OBJECT) {
            JsonNode object = parser.readValueAsTree();
            JsonNode message = object.get("message") != null ? object.get("message") : object.get("Message");
            String detail = message != null ? "an error object: " + excerpt(message.asText()) : "an object";
            return invalid(page, null, "", "expected a JSON array, got " + detail, null);
        }
        return invalid(page, null, "", "expected a JSON array, got " + describe(first), null);
    }

    /** Jackson reports a body that stops inside its JSON either as an EOF exception or by message. */
    private static boolean isEndOfInput(JsonProcessingException e) {
        return e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
    }

    private static Long idOf(TokenBuffer buffer, JsonParser parser) {
        try (JsonParser p = buffer.asParser(parser.getCodec())) {
            JsonNode tree = p.readValueAsTree();
            for (var fields = tree.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (field.getKey().equalsIgnoreCase("id") && field.getValue().isIntegralNumber() && field.getValue().canConvertToLong()) {
                    return field.getValue().asLong();
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        Matcher missing = MISSING_ATTRIBUTES.matcher(String.valueOf(e.getOriginalMessage()));
        if (missing.find()) {
            path.append(path.length() == 0 ? "" : ".").append(missing.group(1)); // a required value absent: name it
        }
        return path.length() == 0 ? "" : "." + path;
    }

    private static String problem(JsonMappingException e) {
        Throwable cause = e.getCause();
        String message = cause != null && cause.getMessage() != null && !(cause instanceof JsonProcessingException)
                ? cause.getMessage() : e.getOriginalMessage();
        return excerpt(String.valueOf(message).replaceAll("\\s+", " "));
    }

    private static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String describe(JsonToken token) {
        return token == null ? "end of input" : switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private InvalidResponseException invalid(int page, Long id, String field, String problem, Throwable cause) {
        String cleanField = field.startsWith(".") ? field.substring(1) : field;
        return new InvalidResponseException(resource, page, id, cleanField, problem, cause);
    }
}
