package io.moselle.cin7.client;

/** HTTP 401. The API username or key is wrong. Never retried. */
public class AuthenticationException extends Cin7ApiException {
    private static final long serialVersionUID = 1L;

    /** Cin7 refused the credentials (401) of {@code method} {@code path}. */
    public AuthenticationException(String method, String path, int statusCode, String bodyExcerpt) {
        super(method, path, statusCode, bodyExcerpt);
    }
}
