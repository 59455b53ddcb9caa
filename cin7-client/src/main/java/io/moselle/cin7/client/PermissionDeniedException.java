package io.moselle.cin7.client;

/** HTTP 403. The API connection lacks read permission for the module. Never retried. */
public class PermissionDeniedException extends Cin7ApiException {
    private static final long serialVersionUID = 1L;

    /** Cin7 refused {@code method} {@code path} (403): the API connection lacks the permission. */
    public PermissionDeniedException(String method, String path, int statusCode, String bodyExcerpt) {
        super(method, path, statusCode, bodyExcerpt);
    }
}
