package io.moselle.cin7.client;

import java.util.Optional;

/**
 * Cin7 answered 2xx with a body this client cannot read: not JSON, an object where an array was
 * expected (such as {@code {"message": ...}}), a field of the wrong type, a required field
 * missing. Names the resource, the page, the record id when it could be read, and the field.
 */
public class InvalidResponseException extends Cin7Exception {
    private static final long serialVersionUID = 1L;

    private final String resource;
    private final int page;
    private final Long recordId;
    private final String field;

    /** A record Cin7 sent that cannot be read: its resource, page, id (null when unknown) and field, and what is wrong. */
    public InvalidResponseException(String resource, int page, Long recordId, String field, String problem, Throwable cause) {
        super(describe(resource, page, recordId, field, problem), cause);
        this.resource = resource;
        this.page = page;
        this.recordId = recordId;
        this.field = field;
    }

    private static String describe(String resource, int page, Long recordId, String field, String problem) {
        StringBuilder s = new StringBuilder("invalid response from ").append(resource);
        if (page > 0) {
            s.append(" page ").append(page);
        }
        if (recordId != null) {
            s.append(" record id ").append(recordId);
        }
        if (field != null && !field.isEmpty()) {
            s.append(" field ").append(field);
        }
        return s.append(": ").append(problem).toString();
    }

    /** The resource path, e.g. {@code v1/SalesOrders}. */
    public String resource() {
        return resource;
    }

    /** The page number, or 0 for a single-record request. */
    public int page() {
        return page;
    }

    /** The id of the record that failed, when it could be read. */
    public Optional<Long> recordId() {
        return Optional.ofNullable(recordId);
    }

    /** The JSON path of the offending field inside the record (e.g. {@code lineItems[2].qty}), or empty. */
    public String field() {
        return field == null ? "" : field;
    }
}
