package io.moselle.cin7.client;

/** HTTP 404. The resource or record does not exist. Never retried. */
public class NotFoundException extends Cin7ApiException {
    private static final long serialVersionUID = 1L;

    /** Cin7 answered {@code method} {@code path} with 404. */
    public NotFoundException(String method, String path, int statusCode, String bodyExcerpt) {
        super(method, path, statusCode, bodyExcerpt);
    }
}
