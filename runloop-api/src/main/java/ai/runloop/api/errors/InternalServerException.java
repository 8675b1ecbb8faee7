package ai.runloop.api.errors;

import java.util.List;
import java.util.Map;

/** HTTP 500 or above: the server failed. Retried within the retry budget; thrown once it is spent. */
public class InternalServerException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param status  the status, 500 or above
     * @param headers the response headers
     * @param body    the body text
     */
    public InternalServerException(String message, int status, Map<String, List<String>> headers, String body) {
        super(message, status, headers, body);
    }
}
