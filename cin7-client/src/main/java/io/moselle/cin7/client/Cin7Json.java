package io.moselle.cin7.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * Cin7 JSON read exactly as the client reads it, without HTTP: to replay a captured response
 * ("why did this order not map?"), in tests and in benchmarks. Thread-safe.
 */
public final class Cin7Json {
    private Cin7Json() {}

    /**
     * Reads one page of a listing: a JSON array of {@code type} records, streamed one record at
     * a time.
     *
     * @param type a model type, such as {@code SalesOrder.class}
     * @param resource the resource path named in errors, such as {@code v1/SalesOrders}
     * @throws InvalidResponseException naming the resource, page 1, the record id and the field
     *     when the body is not such an array
     * @throws Cin7IoException when the body ends inside its JSON (a transfer cut short), or
     *     cannot be read
     */
    public static <T> List<T> readPage(Class<T> type, String resource, InputStream body) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(body, "body");
        try {
            return new JsonRecords<>(ObjectMappers.cin7(), type, resource).readArray(body, 1);
        } catch (IOException e) {
            throw new Cin7IoException(resource + ": " + e.getMessage(), e);
        }
    }

    /** A new mapper configured as the client's: case-insensitive keys, exact decimals, lenient dates, no coercion. */
    public static ObjectMapper mapper() {
        return ObjectMappers.cin7().copy();
    }
}
