package ai.runloop.api;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call settings that override the client's: timeout, retries, extra headers, query parameters and
 * body fields, and the idempotency key. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * client.devboxes().retrieve("dbx_123", RequestOptions.builder().timeout(Duration.ofSeconds(5)).maxRetries(0).build());
 * }</pre>
 */
public final class RequestOptions {
    private static final RequestOptions NONE = builder().build();

    private final Duration timeout;
    private final Integer maxRetries;
    private final Map<String, String> extraHeaders;
    private final Map<String, String> extraQuery;
    private final Map<String, JsonValue> extraBody;
    private final String idempotencyKey;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.extraHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraHeaders));
        this.extraQuery = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraQuery));
        this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraBody));
        this.idempotencyKey = b.idempotencyKey;
    }

    /** @return options that change nothing */
    public static RequestOptions none() {
        return NONE;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the timeout of the whole call, when overridden */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the number of retries, when overridden */
    public Optional<Integer> maxRetries() {
        return Optional.ofNullable(maxRetries);
    }

    /** @return headers added to (and replacing) the client's */
    public Map<String, String> extraHeaders() {
        return extraHeaders;
    }

    /** @return query parameters added to the operation's */
    public Map<String, String> extraQuery() {
        return extraQuery;
    }

    /** @return JSON body fields added to (and replacing) the operation's */
    public Map<String, JsonValue> extraBody() {
        return extraBody;
    }

    /** @return the {@code x-request-id} to send instead of a generated one, when set */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * @param other options that win where both set something
     * @return these options overlaid by the other's
     */
    public RequestOptions merge(RequestOptions other) {
        if (other == null || other == NONE) {
            return this;
        }
        Builder b = toBuilder();
        other.timeout().ifPresent(b::timeout);
        other.maxRetries().ifPresent(b::maxRetries);
        b.extraHeaders.putAll(other.extraHeaders);
        b.extraQuery.putAll(other.extraQuery);
        b.extraBody.putAll(other.extraBody);
        other.idempotencyKey().ifPresent(b::idempotencyKey);
        return b.build();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.maxRetries = maxRetries;
        b.extraHeaders.putAll(extraHeaders);
        b.extraQuery.putAll(extraQuery);
        b.extraBody.putAll(extraBody);
        b.idempotencyKey = idempotencyKey;
        return b;
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", extraHeaders="
                + extraHeaders.keySet() + ", extraQuery=" + extraQuery.keySet() + ", extraBody=" + extraBody.keySet()
                + ", idempotencyKey=" + (idempotencyKey != null) + '}';
    }

    /** Builds {@link RequestOptions}; validates as values are set. */
    public static final class Builder {
        private Duration timeout;
        private Integer maxRetries;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private final Map<String, String> extraQuery = new LinkedHashMap<>();
        private final Map<String, JsonValue> extraBody = new LinkedHashMap<>();
        private String idempotencyKey;

        private Builder() {
        }

        /**
         * @param timeout the timeout of each attempt of the call; positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive but was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param maxRetries retries after the first attempt; 0 disables retries
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative but was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param name  a header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            extraHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param name  a query parameter name
         * @param value its value
         * @return this builder
         */
        public Builder queryParam(String name, String value) {
            extraQuery.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param name  a JSON body field
         * @param value its value ({@code JsonValue.NULL} sends an explicit null)
         * @return this builder
         */
        public Builder bodyField(String name, JsonValue value) {
            extraBody.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param key the {@code x-request-id} to send on this call and all its retries
         * @return this builder
         */
        public Builder idempotencyKey(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("idempotencyKey must not be blank");
            }
            this.idempotencyKey = key;
            return this;
        }

        /** @return the options */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
