package ai.runloop.api.errors;

import java.util.List;
import java.util.Map;

/** HTTP 403. The API key may not do this. */
public class PermissionDeniedException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param headers the response headers
     * @param body    the body text
     */
    public PermissionDeniedException(String message, Map<String, List<String>> headers, String body) {
        super(message, 403, headers, body);
    }
}
