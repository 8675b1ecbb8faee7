package ai.runloop.api.errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error status. Subclasses name the statuses the API uses; other statuses
 * (for example 408 once retries are spent) are this class itself. Use {@link #of} to get the right one.
 */
public class ApiStatusException extends RunloopException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final Map<String, List<String>> headers;
    private final String body;

    /**
     * @param message what failed, with the status
     * @param status  the HTTP status
     * @param headers the response headers
     * @param body    the response body as text (JSON when the API sent JSON), never null
     */
    public ApiStatusException(String message, int status, Map<String, List<String>> headers, String body) {
        super(message);
        this.status = status;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
        this.body = body == null ? "" : body;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the response headers, names in lower case */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, any case
     * @return its first value
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the response body as text */
    public String body() {
        return body;
    }

    /** @return the server's request id ({@code x-request-id}), when it sent one */
    public Optional<String> requestId() {
        return header("x-request-id");
    }

    /**
     * @param message what failed
     * @param status  the HTTP status
     * @param headers the response headers
     * @param body    the body text
     * @return the exception class that names this status
     */
    public static ApiStatusException of(String message, int status, Map<String, List<String>> headers, String body) {
        return switch (status) {
            case 400 -> new BadRequestException(message, headers, body);
            case 401 -> new AuthenticationException(message, headers, body);
            case 403 -> new PermissionDeniedException(message, headers, body);
            case 404 -> new NotFoundException(message, headers, body);
            case 409 -> new ConflictException(message, headers, body);
            case 422 -> new UnprocessableEntityException(message, headers, body);
            case 429 -> new RateLimitException(message, headers, body);
            default -> status >= 500
                    ? new InternalServerException(message, status, headers, body)
                    : new ApiStatusException(message, status, headers, body);
        };
    }
}
