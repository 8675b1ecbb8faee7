package ai.runloop.api.errors;

import java.util.List;
import java.util.Map;

/** HTTP 429. Too many requests; retried with the server's Retry-After, thrown once retries are spent. */
public class RateLimitException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param headers the response headers
     * @param body    the body text
     */
    public RateLimitException(String message, Map<String, List<String>> headers, String body) {
        super(message, 429, headers, body);
    }
}
