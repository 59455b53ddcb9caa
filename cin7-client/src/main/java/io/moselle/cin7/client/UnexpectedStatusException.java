package io.moselle.cin7.client;

/** HTTP any other non-2xx. Cin7 answered a status this client has no meaning for. Never retried. */
public class UnexpectedStatusException extends Cin7ApiException {
    private static final long serialVersionUID = 1L;

    /** Cin7 answered {@code method} {@code path} with a status the client does not expect. */
    public UnexpectedStatusException(String method, String path, int statusCode, String bodyExcerpt) {
        super(method, path, statusCode, bodyExcerpt);
    }
}
