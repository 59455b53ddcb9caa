package io.moselle.cin7.client;

/**
 * Cin7 answered with an HTTP error status. The subclass says which; the message reads like
 * {@code GET v1/Products?page=2 404: <body excerpt>}.
 */
public class Cin7ApiException extends Cin7Exception {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final int statusCode;
    private final String bodyExcerpt;

    /** Cin7 answered {@code method} {@code path} with {@code statusCode}; {@code bodyExcerpt} is the start of its answer. */
    public Cin7ApiException(String method, String path, int statusCode, String bodyExcerpt) {
        super(method + " " + path + " " + statusCode + (bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt));
        this.method = method;
        this.path = path;
        this.statusCode = statusCode;
        this.bodyExcerpt = bodyExcerpt;
    }

    /** The HTTP method, always {@code GET}. */
    public String method() {
        return method;
    }

    /** The path and query relative to the base URI, e.g. {@code v1/Products?page=1&rows=250}. */
    public String path() {
        return path;
    }

    /** The HTTP status Cin7 answered with. */
    public int statusCode() {
        return statusCode;
    }

    /** The start of the response body (at most 300 characters), or empty. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
