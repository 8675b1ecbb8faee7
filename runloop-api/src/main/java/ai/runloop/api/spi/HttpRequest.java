package ai.runloop.api.spi;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable HTTP request, as the pipeline hands it to a transport.
 *
 * <p>The headers are final: a body's content type is already in them as {@code Content-Type}
 * (unless the caller set that header), and the headers a transport manages itself
 * ({@code Content-Length}, {@code Host}, {@code Connection}, ...) are rejected.
 */
public final class HttpRequest {

    private static final Set<String> MANAGED_HEADERS = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        MANAGED_HEADERS.addAll(List.of("connection", "content-length", "expect", "host", "keep-alive",
                "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"));
    }

    private final String method;
    /** The URI: given, or parsed from {@link #origin} and {@link #target} when first asked for. */
    private volatile URI uri;
    /** The origin's text without a trailing slash, when the request was built from origin and target. */
    private final String origin;
    private final URI originUri;
    private final String scheme;
    private final String host;
    private final int port;
    /** The request target; computed from the URI when first asked for if the request was built from one. */
    private String target;
    private final Headers headers;
    private final RequestBody body;
    private final RequestKind kind;
    private final Duration timeout;
    private final boolean streamResponse;

    private HttpRequest(Builder builder) {
        this.method = builder.method;
        if (builder.uri != null) {
            URI given = builder.uri;
            this.uri = given;
            this.origin = null;
            this.originUri = null;
            this.scheme = given.getScheme().toLowerCase(Locale.ROOT);
            this.host = given.getHost();
            this.port = given.getPort();
            this.target = null;
        } else {
            URI given = builder.origin;
            String text = given.toString();
            this.origin = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            this.originUri = given;
            this.scheme = given.getScheme().toLowerCase(Locale.ROOT);
            this.host = given.getHost();
            this.port = given.getPort();
            this.target = builder.target;
        }
        this.body = builder.body;
        this.kind = builder.kind;
        this.timeout = builder.timeout;
        this.streamResponse = builder.streamResponse;
        Optional<String> bodyType = builder.headers.contains("Content-Type") ? Optional.empty() : body.contentType();
        // Headers are immutable: keep them as given unless the body's content type must be added.
        this.headers = bodyType.isEmpty() ? builder.headers
                : builder.headers.toBuilder().set("Content-Type", bodyType.get()).build();
    }

    /**
     * A builder of a request to a URI; the method defaults to {@code GET}, the body to none, the
     * kind to {@link RequestKind#API}.
     *
     * @param uri an absolute {@code http} or {@code https} URI
     * @return a new builder
     */
    public static Builder newBuilder(URI uri) {
        return new Builder().uri(uri);
    }

    /**
     * A builder of a request to an origin and a request target, for callers that already hold the
     * parsed origin (a client's base URL) and the encoded path and query: the request's
     * {@link #uri()} is then parsed only if someone asks for it. Same defaults as
     * {@link #newBuilder(URI)}.
     *
     * @param origin an absolute {@code http} or {@code https} URI with a host and nothing after its
     *     authority but an optional {@code /}
     * @param target the request target in origin form: {@code /}, then the percent-encoded path,
     *     then optionally {@code ?} and the percent-encoded query
     * @return a new builder
     * @throws IllegalArgumentException if either is not of that form
     */
    public static Builder newBuilder(URI origin, String target) {
        return new Builder().uri(origin, target);
    }

    /**
     * A builder that starts with this request's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.method = method;
        if (origin != null && uri == null) {
            builder.origin = originUri;
            builder.target = target;
        } else {
            builder.uri = uri();
        }
        builder.headers = headers;
        builder.body = body;
        builder.kind = kind;
        builder.timeout = timeout;
        builder.streamResponse = streamResponse;
        return builder;
    }

    /**
     * The method.
     *
     * @return an upper-case method name such as {@code GET} or {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The target.
     *
     * @return an absolute {@code http} or {@code https} URI
     */
    public URI uri() {
        URI parsed = uri;
        if (parsed == null) {
            parsed = URI.create(origin + target); // cannot fail: origin and target were checked
            uri = parsed;
        }
        return parsed;
    }

    /**
     * The scheme, for transports: the same as {@code uri().getScheme()} in lower case, without
     * parsing the URI.
     *
     * @return {@code http} or {@code https}
     */
    public String scheme() {
        return scheme;
    }

    /**
     * The host, for transports: the same as {@code uri().getHost()} (an IPv6 literal in brackets),
     * without parsing the URI.
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * The port, for transports: the URI's, or the scheme's default when the URI has none.
     *
     * @return the port to connect to
     */
    public int port() {
        return port != -1 ? port : scheme.equals("https") ? 443 : 80;
    }

    /**
     * The request target as it goes on the request line: the raw (percent-encoded) path, {@code /}
     * if empty, then {@code ?} and the raw query if there is one.
     *
     * @return the request target in origin form
     */
    public String target() {
        String known = target;
        if (known == null) {
            URI given = uri;
            String path = given.getRawPath() == null || given.getRawPath().isEmpty() ? "/" : given.getRawPath();
            known = given.getRawQuery() == null ? path : path + "?" + given.getRawQuery();
            target = known; // a String: safe to publish without synchronisation
        }
        return known;
    }

    /**
     * The headers to send, including {@code Content-Type} for a body that has one.
     *
     * @return the headers
     */
    public Headers headers() {
        return headers;
    }

    /**
     * The body.
     *
     * @return the body, {@link RequestBody#empty()} when there is none
     */
    public RequestBody body() {
        return body;
    }

    /**
     * What the request is for, so that the transport picks the matching connection pool.
     *
     * @return the kind
     */
    public RequestKind kind() {
        return kind;
    }

    /**
     * The longest time to wait, from sending, for the response: its headers when the response is
     * streamed, its whole body otherwise. When it passes, the exchange is aborted and the future
     * fails with {@link TransportException.Reason#TIMEOUT}.
     *
     * @return the timeout, or empty for none
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Whether the response body is streamed ({@link HttpResponse#bodyPublisher()}) rather than
     * buffered ({@link HttpResponse#bodyBytes()}): for downloads and server-sent events.
     *
     * @return {@code true} to stream the response body
     */
    public boolean streamResponse() {
        return streamResponse;
    }

    /**
     * A description that never shows header values of credentials.
     *
     * @return method, URI, kind and headers
     */
    @Override
    public String toString() {
        return method + " " + uri + " (" + kind + ") " + headers + " " + body;
    }

    /** A mutable builder of {@link HttpRequest}; not thread-safe. */
    public static final class Builder {

        private String method = "GET";
        private URI uri;
        private URI origin;
        private String target;
        private Headers headers = Headers.empty();
        private RequestBody body = RequestBody.empty();
        private RequestKind kind = RequestKind.API;
        private Duration timeout;
        private boolean streamResponse;

        private Builder() {
        }

        /**
         * Sets the target.
         *
         * @param uri an absolute {@code http} or {@code https} URI with a host
         * @return this builder
         * @throws IllegalArgumentException if the URI is not such a URI
         */
        public Builder uri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URI with a host: " + uri);
            }
            this.uri = uri;
            this.origin = null;
            this.target = null;
            return this;
        }

        /**
         * Sets the target as an origin and a request target (see {@link HttpRequest#newBuilder(URI, String)}).
         *
         * @param origin an absolute {@code http} or {@code https} URI with a host and no path but {@code /}
         * @param target {@code /}, the percent-encoded path, optionally {@code ?} and the percent-encoded query
         * @return this builder
         * @throws IllegalArgumentException if either is not of that form
         */
        public Builder uri(URI origin, String target) {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(target, "target");
            String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
            String path = origin.getRawPath();
            if (!(scheme.equals("http") || scheme.equals("https")) || origin.getHost() == null
                    || !(path == null || path.isEmpty() || path.equals("/")) || origin.getRawQuery() != null
                    || origin.getRawFragment() != null) {
                throw new IllegalArgumentException("not an http(s) origin with a host and no path: " + origin);
            }
            if (!isOriginFormTarget(target)) {
                throw new IllegalArgumentException("not a percent-encoded request target starting with /: " + target);
            }
            this.origin = origin;
            this.target = target;
            this.uri = null;
            return this;
        }

        /**
         * Sets the method and the body.
         *
         * @param method a method name such as {@code GET}, {@code POST}, {@code PUT}, {@code DELETE}
         * @param body the body, {@link RequestBody#empty()} for none
         * @return this builder
         * @throws IllegalArgumentException if the method is not an HTTP token
         */
        public Builder method(String method, RequestBody body) {
            Objects.requireNonNull(method, "method");
            if (!isLetters(method)) {
                throw new IllegalArgumentException("invalid method: " + method);
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /**
         * Replaces all headers.
         *
         * @param headers the headers, without those the transport manages
         * @return this builder
         * @throws IllegalArgumentException if a header is one the transport manages
         */
        public Builder headers(Headers headers) {
            if (!headers.noManagedHeaders) {
                headers.map().keySet().forEach(Builder::checkNotManaged);
                headers.noManagedHeaders = true;
            }
            this.headers = headers;
            return this;
        }

        /**
         * Adds a header value.
         *
         * @param name the header name, not one the transport manages
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the name or value is invalid
         */
        public Builder header(String name, String value) {
            checkNotManaged(name);
            this.headers = headers.toBuilder().add(name, value).build();
            return this;
        }

        /**
         * Sets the kind; {@link RequestKind#API} by default.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(RequestKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Sets the timeout (see {@link HttpRequest#timeout()}); none by default.
         *
         * @param timeout a positive duration, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if the duration is zero or negative
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets whether to stream the response body; {@code false} (buffer it) by default.
         *
         * @param streamResponse {@code true} to stream
         * @return this builder
         */
        public Builder streamResponse(boolean streamResponse) {
            this.streamResponse = streamResponse;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return an immutable request
         * @throws IllegalStateException if no URI was set
         */
        public HttpRequest build() {
            if (uri == null && origin == null) {
                throw new IllegalStateException("uri not set");
            }
            return new HttpRequest(this);
        }

        private static boolean isLetters(String method) {
            if (method.isEmpty()) {
                return false;
            }
            for (int i = 0; i < method.length(); i++) {
                char c = method.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether the text is {@code /} followed by characters RFC 3986 allows in a path and a query
         * ({@code %} only before two hex digits): what {@link URI} accepts there, so that
         * {@link HttpRequest#uri()} parses it later without failing.
         */
        private static boolean isOriginFormTarget(String target) {
            if (target.isEmpty() || target.charAt(0) != '/') {
                return false;
            }
            for (int i = 1; i < target.length(); i++) {
                char c = target.charAt(i);
                if (c == '%') {
                    if (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2))) {
                        return false;
                    }
                    i += 2;
                } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isHex(char c) {
            return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        }

        private static void checkNotManaged(String name) {
            if (MANAGED_HEADERS.contains(name)) {
                throw new IllegalArgumentException("header " + name + " is managed by the transport");
            }
        }
    }
}
