package ai.runloop.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP answer of a call with its status and headers, and the typed value parsed on first request.
 *
 * @param <T> the typed value
 */
public final class RawResponse<T> {
    private final int status;
    private final Map<String, List<String>> headers;
    private final Supplier<T> parser;
    private T parsed;
    private boolean isParsed;

    /**
     * @param status  the HTTP status
     * @param headers the headers, names in lower case
     * @param parser  parses the body; called at most once
     */
    public RawResponse(int status, Map<String, List<String>> headers, Supplier<T> parser) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.parser = parser;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the headers, names in lower case */
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

    /** @return the server's request id ({@code x-request-id}), when sent */
    public Optional<String> requestId() {
        return header("x-request-id");
    }

    /**
     * @return the typed value, parsed on the first call
     * @throws ai.runloop.api.errors.InvalidResponseException when the body cannot be read
     */
    public synchronized T parse() {
        if (!isParsed) {
            parsed = parser.get();
            isParsed = true;
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "RawResponse{status=" + status + '}';
    }
}
