package ai.runloop.api.errors;

import java.util.List;
import java.util.Map;

/** HTTP 404. The resource does not exist (or is not visible to this API key). */
public class NotFoundException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param headers the response headers
     * @param body    the body text
     */
    public NotFoundException(String message, Map<String, List<String>> headers, String body) {
        super(message, 404, headers, body);
    }
}
