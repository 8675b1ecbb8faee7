package ai.runloop.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable HTTP headers: names compared without regard to case, each with one or more values in
 * the order they were added.
 *
 * <p>{@link #toString()} redacts the values of credentials ({@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, {@code X-Api-Key}), so headers
 * can be logged.
 */
public final class Headers {

    private static final Set<String> SENSITIVE =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

    private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> map;

    private final TreeMap<String, List<String>> sorted;

    /**
     * Set by {@link HttpRequest.Builder#headers} once it found no header a transport manages: a client
     * reuses one instance for most requests, and it is immutable, so the check runs once per instance.
     * A plain field: a thread that does not see the write only checks again.
     */
    boolean noManagedHeaders;

    private Headers(TreeMap<String, List<String>> map) {
        this.sorted = map;
        this.map = Collections.unmodifiableMap(map);
    }

    /**
     * No headers.
     *
     * @return the empty headers
     */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Headers holding a copy of the given map; names are validated, values must not contain line
     * breaks.
     *
     * @param map header names to their values
     * @return the headers
     * @throws IllegalArgumentException if a name or value is invalid
     */
    public static Headers of(Map<String, ? extends List<String>> map) {
        Builder builder = builder();
        map.forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
        return builder.build();
    }

    /**
     * A builder of headers.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts with these headers.
     *
     * @return a new builder holding a copy of these headers
     */
    public Builder toBuilder() {
        Builder builder = builder();
        // Names and values were checked when these headers were built, and the value lists are
        // immutable: a linear copy of the sorted map, without comparing or checking again.
        builder.map.putAll(sorted);
        return builder;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return the first value, or empty if the header is absent
     */
    public Optional<String> firstValue(String name) {
        List<String> values = map.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * All values of a header.
     *
     * @param name the header name, in any case
     * @return the values in order, or an empty list if the header is absent
     */
    public List<String> allValues(String name) {
        return map.getOrDefault(name, List.of());
    }

    /**
     * Whether a header is present.
     *
     * @param name the header name, in any case
     * @return {@code true} if it has at least one value
     */
    public boolean contains(String name) {
        return map.containsKey(name);
    }

    /**
     * All headers as an unmodifiable map whose lookups ignore case.
     *
     * @return header names (as first added) to their non-empty value lists
     */
    public Map<String, List<String>> map() {
        return map;
    }

    /**
     * Whether no header is present.
     *
     * @return {@code true} if there are no headers
     */
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers && map.equals(((Headers) other).map);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Map.Entry<String, List<String>> entry : map.entrySet()) {
            hash += entry.getKey().toLowerCase(Locale.ROOT).hashCode() ^ entry.getValue().hashCode();
        }
        return hash;
    }

    /**
     * The headers with the values of credentials replaced by {@code <redacted>}.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        map.forEach((name, values) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(name).append('=');
            text.append(isSensitive(name) ? "[<redacted>]" : values.toString());
        });
        return text.append('}').toString();
    }

    /**
     * Whether a header carries a credential whose value must never be logged.
     *
     * @param name the header name, in any case
     * @return {@code true} for {@code Authorization}, {@code Cookie} and the like
     */
    public static boolean isSensitive(String name) {
        return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A mutable builder of {@link Headers}; not thread-safe. */
    public static final class Builder {

        private final TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        /**
         * Adds a value to a header, keeping its existing values.
         *
         * @param name the header name (an HTTP token)
         * @param value the value, without line breaks
         * @return this builder
         * @throws IllegalArgumentException if the name or value is invalid
         */
        public Builder add(String name, String value) {
            checkName(name);
            checkValue(name, value);
            // Value lists are immutable (most headers have one value), so build() and toBuilder() share them.
            List<String> values = map.get(name);
            if (values == null) {
                map.put(name, List.of(value));
            } else {
                List<String> more = new ArrayList<>(values.size() + 1);
                more.addAll(values);
                more.add(value);
                map.put(name, Collections.unmodifiableList(more));
            }
            return this;
        }

        /**
         * Sets a header to a single value, replacing its existing values.
         *
         * @param name the header name (an HTTP token)
         * @param value the value, without line breaks
         * @return this builder
         * @throws IllegalArgumentException if the name or value is invalid
         */
        public Builder set(String name, String value) {
            map.remove(name);
            return add(name, value);
        }

        /**
         * Removes a header and all its values.
         *
         * @param name the header name, in any case
         * @return this builder
         */
        public Builder remove(String name) {
            map.remove(name);
            return this;
        }

        /**
         * Whether the builder holds a header.
         *
         * @param name the header name, in any case
         * @return {@code true} if present
         */
        public boolean contains(String name) {
            return map.containsKey(name);
        }

        /**
         * Builds immutable headers.
         *
         * @return the headers
         */
        public Headers build() {
            return new Headers(new TreeMap<>(map)); // linear: the lists are immutable, the order kept
        }

        private static String checkName(String name) {
            Objects.requireNonNull(name, "header name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty header name");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                boolean token = c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
                if (!token) {
                    throw new IllegalArgumentException("invalid header name: " + name);
                }
            }
            return name;
        }

        private static String checkValue(String name, String value) {
            Objects.requireNonNull(value, () -> "value of header " + name);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("line break or NUL in the value of header " + name);
                }
            }
            return value;
        }
    }
}
