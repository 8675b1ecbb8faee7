package ai.runloop.api.errors;

import java.util.List;
import java.util.Map;

/** HTTP 422. The request was well-formed but semantically invalid. */
public class UnprocessableEntityException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param headers the response headers
     * @param body    the body text
     */
    public UnprocessableEntityException(String message, Map<String, List<String>> headers, String body) {
        super(message, 422, headers, body);
    }
}
