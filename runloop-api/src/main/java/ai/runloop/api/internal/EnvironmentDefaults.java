package ai.runloop.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Reads the client settings the official clients take from the environment (behaviours §1). */
public final class EnvironmentDefaults {
    /** The default base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.runloop.ai";

    private EnvironmentDefaults() {
    }

    /**
     * @param env an environment lookup
     * @return {@code RUNLOOP_BASE_URL}, or the default when unset or empty
     */
    public static String baseUrl(Function<String, String> env) {
        String v = env.apply("RUNLOOP_BASE_URL");
        return v == null || v.isBlank() ? DEFAULT_BASE_URL : v.trim();
    }

    /**
     * @param env an environment lookup
     * @return {@code RUNLOOP_API_KEY}, or null when unset or empty
     */
    public static String apiKey(Function<String, String> env) {
        String v = env.apply("RUNLOOP_API_KEY");
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * Parses {@code RUNLOOP_CUSTOM_HEADERS}: lines of {@code Name: value}, split at the first colon, both
     * trimmed; lines without a colon or with an empty name are ignored.
     *
     * @param env an environment lookup
     * @return the headers, in order
     */
    public static Map<String, String> customHeaders(Function<String, String> env) {
        Map<String, String> headers = new LinkedHashMap<>();
        String v = env.apply("RUNLOOP_CUSTOM_HEADERS");
        if (v == null) {
            return headers;
        }
        for (String line : v.split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            if (!name.isEmpty()) {
                headers.put(name, line.substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
