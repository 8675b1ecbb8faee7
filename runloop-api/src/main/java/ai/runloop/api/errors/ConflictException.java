package ai.runloop.api.errors;

import java.util.List;
import java.util.Map;

/** HTTP 409. The resource is in a state that does not allow this now, for example exec on a suspended devbox or shutdown during a snapshot. */
public class ConflictException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param headers the response headers
     * @param body    the body text
     */
    public ConflictException(String message, Map<String, List<String>> headers, String body) {
        super(message, 409, headers, body);
    }
}
