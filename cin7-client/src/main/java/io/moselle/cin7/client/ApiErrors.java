package io.moselle.cin7.client;

import java.time.Duration;

/** The one place where an HTTP status becomes an exception, and where retryability is decided. */
final class ApiErrors {
    private ApiErrors() {}

    static Cin7ApiException forStatus(String method, String path, int status, String bodyExcerpt, Duration retryAfter) {
        return switch (status) {
            case 400 -> new BadRequestException(method, path, status, bodyExcerpt);
            case 401 -> new AuthenticationException(method, path, status, bodyExcerpt);
            case 403 -> new PermissionDeniedException(method, path, status, bodyExcerpt);
            case 404 -> new NotFoundException(method, path, status, bodyExcerpt);
            case 429 -> new RateLimitException(method, path, status, bodyExcerpt, retryAfter);
            default -> status >= 500 && status <= 599
                    ? new ServerException(method, path, status, bodyExcerpt)
                    : new UnexpectedStatusException(method, path, status, bodyExcerpt);
        };
    }

    static boolean isRetryable(int status) {
        return status == 429 || (status >= 500 && status <= 599);
    }
}
