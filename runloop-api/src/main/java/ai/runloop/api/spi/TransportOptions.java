package ai.runloop.api.spi;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Neutral, validated settings from which a provider creates a transport. Every transport honours
 * what its library can; the Javadoc of each transport says what it cannot.
 */
public final class TransportOptions {

    /** The default connect timeout: 5 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Map<RequestKind, Integer> DEFAULT_MAX_CONNECTIONS =
            Map.of(RequestKind.API, 32, RequestKind.LONG_POLL, 64, RequestKind.TRANSFER, 8);

    private final Duration connectTimeout;
    private final Map<RequestKind, Integer> maxConnections;
    private final InetSocketAddress proxy;
    private final SSLContext sslContext;
    private final boolean preferHttp2;
    private final boolean h2cPriorKnowledge;

    private TransportOptions(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.maxConnections = Map.copyOf(builder.maxConnections);
        this.proxy = builder.proxy;
        this.sslContext = builder.sslContext;
        this.preferHttp2 = builder.preferHttp2;
        this.h2cPriorKnowledge = builder.h2cPriorKnowledge;
    }

    /**
     * The defaults: 5 s connect timeout, HTTP/2 preferred, no proxy, the JDK's default TLS.
     *
     * @return default options
     */
    public static TransportOptions defaults() {
        return builder().build();
    }

    /**
     * A builder that starts from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The longest time to wait for a connection (TCP and TLS handshake) to be made.
     *
     * @return a positive duration, 5 s by default
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The most connections a transport opens to one host for a kind of request (HTTP/1.1; with
     * HTTP/2 a connection carries many requests). A transport whose library cannot limit them
     * documents so.
     *
     * @param kind the kind of request
     * @return a positive number: by default 32 for {@code API}, 64 for {@code LONG_POLL}, 8 for
     *     {@code TRANSFER}
     */
    public int maxConnections(RequestKind kind) {
        return maxConnections.get(kind);
    }

    /**
     * The HTTP proxy to tunnel through ({@code CONNECT} for {@code https}).
     *
     * @return the proxy address, or empty to connect directly
     */
    public Optional<InetSocketAddress> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * The TLS context for {@code https}.
     *
     * @return the context, or empty for the JDK's default
     */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /**
     * Whether to use HTTP/2 where the server offers it (ALPN over TLS); {@code true} by default.
     *
     * @return {@code true} to prefer HTTP/2
     */
    public boolean preferHttp2() {
        return preferHttp2;
    }

    /**
     * Whether to speak HTTP/2 without TLS from the first byte ("prior knowledge") to {@code http}
     * URIs; {@code false} by default. A transport whose library cannot documents so.
     *
     * @return {@code true} for cleartext HTTP/2 with prior knowledge
     */
    public boolean h2cPriorKnowledge() {
        return h2cPriorKnowledge;
    }

    @Override
    public String toString() {
        return "TransportOptions{connectTimeout=" + connectTimeout + ", maxConnections=" + new EnumMap<>(maxConnections)
                + ", proxy=" + proxy + ", customSslContext=" + (sslContext != null) + ", preferHttp2=" + preferHttp2
                + ", h2cPriorKnowledge=" + h2cPriorKnowledge + "}";
    }

    /** A mutable builder of {@link TransportOptions}; not thread-safe. */
    public static final class Builder {

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private final Map<RequestKind, Integer> maxConnections = new EnumMap<>(DEFAULT_MAX_CONNECTIONS);
        private InetSocketAddress proxy;
        private SSLContext sslContext;
        private boolean preferHttp2 = true;
        private boolean h2cPriorKnowledge;

        private Builder() {
        }

        /**
         * Sets the connect timeout.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isZero() || connectTimeout.isNegative()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets the most connections per host for a kind of request.
         *
         * @param kind the kind
         * @param max at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is less than 1
         */
        public Builder maxConnections(RequestKind kind, int max) {
            Objects.requireNonNull(kind, "kind");
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections for " + kind + " must be at least 1: " + max);
            }
            maxConnections.put(kind, max);
            return this;
        }

        /**
         * Sets the HTTP proxy.
         *
         * @param proxy the proxy address, or {@code null} to connect directly
         * @return this builder
         */
        public Builder proxy(InetSocketAddress proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Sets the TLS context.
         *
         * @param sslContext the context, or {@code null} for the JDK's default
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Sets whether to prefer HTTP/2.
         *
         * @param preferHttp2 {@code false} to use HTTP/1.1 only
         * @return this builder
         */
        public Builder preferHttp2(boolean preferHttp2) {
            this.preferHttp2 = preferHttp2;
            return this;
        }

        /**
         * Sets whether to use cleartext HTTP/2 with prior knowledge for {@code http} URIs.
         *
         * @param h2cPriorKnowledge {@code true} to use it
         * @return this builder
         */
        public Builder h2cPriorKnowledge(boolean h2cPriorKnowledge) {
            this.h2cPriorKnowledge = h2cPriorKnowledge;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         * @throws IllegalStateException if HTTP/2 prior knowledge is asked for while HTTP/2 is not
         *     preferred
         */
        public TransportOptions build() {
            if (h2cPriorKnowledge && !preferHttp2) {
                throw new IllegalStateException("h2cPriorKnowledge needs preferHttp2");
            }
            return new TransportOptions(this);
        }
    }
}
