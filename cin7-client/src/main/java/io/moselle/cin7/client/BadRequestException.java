package io.moselle.cin7.client;

/** HTTP 400. The request was refused as malformed, e.g. a `where` naming an unknown field. Never retried. */
public class BadRequestException extends Cin7ApiException {
    private static final long serialVersionUID = 1L;

    /** Cin7 refused the request (400) {@code method} {@code path} as malformed. */
    public BadRequestException(String method, String path, int statusCode, String bodyExcerpt) {
        super(method, path, statusCode, bodyExcerpt);
    }
}
