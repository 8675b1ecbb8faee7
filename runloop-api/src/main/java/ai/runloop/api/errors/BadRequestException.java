package ai.runloop.api.errors;

import java.util.List;
import java.util.Map;

/** HTTP 400. The request was malformed or a parameter was invalid; the body names the field. */
public class BadRequestException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param headers the response headers
     * @param body    the body text
     */
    public BadRequestException(String message, Map<String, List<String>> headers, String body) {
        super(message, 400, headers, body);
    }
}
