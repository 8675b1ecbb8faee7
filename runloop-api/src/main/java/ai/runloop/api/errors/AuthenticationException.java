package ai.runloop.api.errors;

import java.util.List;
import java.util.Map;

/** HTTP 401. The API key is missing or not valid. */
public class AuthenticationException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param headers the response headers
     * @param body    the body text
     */
    public AuthenticationException(String message, Map<String, List<String>> headers, String body) {
        super(message, 401, headers, body);
    }
}
