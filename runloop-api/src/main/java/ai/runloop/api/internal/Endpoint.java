package ai.runloop.api.internal;

import ai.runloop.api.spi.RequestKind;
import java.util.List;
import java.util.Set;

/**
 * One operation of the API as the wire reference describes it: verb, path template, which params go to
 * the query, how the answer is read, and which connection pool and timeout class it belongs to.
 *
 * @param operation    the reference's name, e.g. {@code devboxes.retrieve}; used in messages
 * @param method       the HTTP verb
 * @param pathTemplate the path with {@code {name}} placeholders
 * @param queryNames   wire names of params sent in the query string
 * @param response     how the body of a success is read
 * @param kind         the connection pool the request belongs to
 * @param longRunning  whether the default timeout is the long one (600 s)
 * @param multipart    whether the body is multipart/form-data
 */
public record Endpoint(String operation, String method, String pathTemplate, Set<String> queryNames,
                       ResponseKind response, RequestKind kind, boolean longRunning, boolean multipart) {

    /** How a successful answer is read. */
    public enum ResponseKind {
        /** a JSON document mapped to a record or a JSON value */
        JSON,
        /** raw UTF-8 text */
        TEXT,
        /** raw bytes, streamed */
        BINARY,
        /** server-sent events, streamed */
        SSE
    }

    /** Copies the set. */
    public Endpoint {
        queryNames = Set.copyOf(queryNames);
    }

    /** @return the placeholder names of the path template, in order */
    public List<String> pathParams() {
        // Parsed once per template: compiling the pattern on every call cost a few percent of a retrieve().
        return PATH_PARAMS.computeIfAbsent(pathTemplate, Endpoint::placeholders);
    }

    private static final java.util.Map<String, List<String>> PATH_PARAMS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The names in {@code {name}} placeholders, a name being letters, digits and underscores. Scanned by hand:
     * a regex here was the only one of a start-up and loaded ~40 classes of {@code java.util.regex}.
     */
    static List<String> placeholders(String template) {
        List<String> names = new java.util.ArrayList<>();
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
            int end = open + 1;
            while (end < template.length() && isNameChar(template.charAt(end))) {
                end++;
            }
            if (end > open + 1 && end < template.length() && template.charAt(end) == '}') {
                names.add(template.substring(open + 1, end));
            }
        }
        return List.copyOf(names);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** @return the Accept header this operation sends */
    public String accept() {
        return switch (response) {
            case TEXT -> "text/plain";
            case BINARY -> operation.endsWith("download_logs") ? "application/zip" : "application/octet-stream";
            case SSE -> "text/event-stream";
            case JSON -> "application/json";
        };
    }
}
