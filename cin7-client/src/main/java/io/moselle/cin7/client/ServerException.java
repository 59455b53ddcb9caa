package io.moselle.cin7.client;

/** HTTP 5xx. Cin7 failed or was unavailable. Retried; thrown once the attempts are spent. */
public class ServerException extends Cin7ApiException {
    private static final long serialVersionUID = 1L;

    /** Cin7 failed on {@code method} {@code path} (5xx). */
    public ServerException(String method, String path, int statusCode, String bodyExcerpt) {
        super(method, path, statusCode, bodyExcerpt);
    }
}
