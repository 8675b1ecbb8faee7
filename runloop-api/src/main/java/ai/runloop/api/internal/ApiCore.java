package ai.runloop.api.internal;

import ai.runloop.api.RawResponse;
import ai.runloop.api.RequestOptions;
import ai.runloop.api.errors.ApiStatusException;
import ai.runloop.api.errors.InvalidResponseException;
import ai.runloop.api.errors.RunloopException;
import ai.runloop.api.internal.json.JsonCodec;
import ai.runloop.api.spi.Headers;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The request pipeline of one client: encodes a call, adds the headers of every request, sends it
 * through the transport, retries by {@link RetryPolicy}, maps failures to the SDK's exceptions and
 * reads the answer. Knows HTTP semantics of the API and nothing of devboxes.
 */
public final class ApiCore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("ai.runloop.api");
    private static final int EXCERPT = 500;

    private final ClientConfig config;
    private final RetryPolicy retry;
    private final PresignedTransfers presigned;
    private final Headers fixedHeaders;
    private final BaseUrl baseUrl;
    /** The whole header set of a first attempt without per-call headers, per (Accept, timeout): most calls. */
    private final Map<CommonHeadersKey, Headers> commonHeaders = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Not a record: a record's equals and hashCode are bootstrapped through invokedynamic on first use, which
     * spun about 15 method-handle classes and cost a cold start ~15 ms before its first request.
     */
    private static final class CommonHeadersKey {
        private final String accept;
        private final long timeoutSeconds;

        CommonHeadersKey(String accept, long timeoutSeconds) {
            this.accept = accept;
            this.timeoutSeconds = timeoutSeconds;
        }

        String accept() {
            return accept;
        }

        long timeoutSeconds() {
            return timeoutSeconds;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CommonHeadersKey key && key.timeoutSeconds == timeoutSeconds
                    && key.accept.equals(accept);
        }

        @Override
        public int hashCode() {
            return accept.hashCode() * 31 + Long.hashCode(timeoutSeconds);
        }
    }

    /** The last common header set handed out: nearly every call of a client asks for the same one. */
    private volatile CommonHeaders lastCommon;

    private record CommonHeaders(String accept, long timeoutSeconds, Headers headers) {
    }

    private Headers commonHeaders(String accept, long timeoutSeconds) {
        CommonHeaders last = lastCommon;
        if (last != null && last.timeoutSeconds() == timeoutSeconds && last.accept().equals(accept)) {
            return last.headers(); // without a key object, its hash and a map look-up
        }
        Headers headers = commonHeaders.computeIfAbsent(new CommonHeadersKey(accept, timeoutSeconds),
                key -> headers(key.accept(), 0, key.timeoutSeconds()).build());
        lastCommon = new CommonHeaders(accept, timeoutSeconds, headers);
        return headers;
    }

    /** @param config the settled client configuration */
    public ApiCore(ClientConfig config) {
        this.config = config;
        this.retry = new RetryPolicy(config.initialBackoff(), config.maxBackoff());
        this.baseUrl = BaseUrl.of(config.baseUri());
        this.presigned = new PresignedTransfers(config, retry);
        Map<String, String> headers = new LinkedHashMap<>(PlatformHeaders.all());
        headers.put("Accept", "application/json");
        headers.putAll(config.headers());
        headers.put("Authorization", "Bearer " + config.apiKey());
        // Built and checked once: each attempt copies them and adds its own few.
        Headers.Builder fixed = Headers.builder();
        headers.forEach(fixed::set);
        this.fixedHeaders = fixed.build();
    }

    /** The headers of an attempt without idempotency key or per-call headers. */
    private Headers.Builder headers(String accept, int attempt, long timeoutSeconds) {
        Headers.Builder headers = fixedHeaders.toBuilder();
        headers.set("Accept", accept);
        headers.set("x-stainless-retry-count", Integer.toString(attempt));
        headers.set("x-stainless-timeout", Long.toString(timeoutSeconds));
        return headers;
    }

    /** @return the configuration */
    public ClientConfig config() {
        return config;
    }

    /**
     * Transfers to presigned storage URLs: through this client's transport and retry policy, without any
     * of its headers.
     *
     * @return the presigned transfers of this client
     */
    public PresignedTransfers presigned() {
        return presigned;
    }

    /**
     * A pause through the transport ({@link ai.runloop.api.spi.HttpTransport#delay}), for retries and
     * polling loops: it completes where the caller's completions run.
     *
     * @param delay how long
     * @return a future completed after the delay
     */
    public CompletableFuture<Void> delay(java.time.Duration delay) {
        return config.transport().delay(delay);
    }

    /**
     * Sends a call and reads the answer as the given type.
     *
     * @param endpoint     the operation
     * @param pathArgs     values of the path placeholders, in order
     * @param params       the params record, or null
     * @param options      per-call options
     * @param responseType the type to read a JSON answer as ({@code String}, {@code BinaryResponse} for text and binary)
     * @param <T>          the answer's type
     * @return the answer with status and headers, parsed lazily
     */
    public <T> CompletableFuture<RawResponse<T>> call(Endpoint endpoint, List<String> pathArgs, Object params,
                                                      RequestOptions options, Type responseType) {
        CompletableFuture<HttpResponse> sent = send(endpoint, pathArgs, params, options);
        return sent.thenApply(response -> rawResponse(endpoint, pathArgs, response, responseType));
    }

    /**
     * Sends a call and returns the successful HTTP response itself, body unread (streamed bodies open).
     *
     * @param endpoint the operation
     * @param pathArgs values of the path placeholders
     * @param params   the params record, or null
     * @param options  per-call options
     * @return the 2xx response
     */
    public CompletableFuture<HttpResponse> send(Endpoint endpoint, List<String> pathArgs, Object params,
                                                RequestOptions options) {
        RequestOptions opts = options == null ? RequestOptions.none() : options;
        EncodedRequest encoded;
        try {
            encoded = RequestEncoder.encode(baseUrl, endpoint, pathArgs, params, opts);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return new Exchange(endpoint, encoded, opts).start();
    }

    /**
     * Opens a reconnecting event stream; nothing is sent until it is read.
     *
     * @param endpoint    the SSE operation
     * @param pathArgs    values of the path placeholders
     * @param params      the params record, or null
     * @param options     per-call options
     * @param type        the event type
     * @param resume      where to resume after a reconnect
     * @param resumeParam the query parameter that carries the resume position, or null
     * @param <T>         the event type
     * @return the stream
     */
    public <T> ai.runloop.api.SseStream<T> sse(Endpoint endpoint, List<String> pathArgs, Object params,
                                               RequestOptions options, Class<T> type,
                                               ai.runloop.api.internal.sse.ResumePolicy<T> resume,
                                               String resumeParam) {
        RequestOptions opts = options == null ? RequestOptions.none() : options;
        String what = describe(endpoint, pathArgs.isEmpty() ? null : pathArgs.get(0));
        return new ai.runloop.api.internal.sse.ReconnectingSseStream<>(what, position -> {
            RequestOptions attempt = position == null || resumeParam == null ? opts
                    : opts.toBuilder().queryParam(resumeParam, position).build();
            return send(endpoint, pathArgs, params, attempt);
        }, data -> type.cast(decode(() -> what, 200, data.getBytes(StandardCharsets.UTF_8), type,
                Endpoint.ResponseKind.JSON)),
                resume);
    }

    /**
     * Waits for a future on the calling thread, refusing to do so on an event loop.
     *
     * @param future    the call
     * @param operation the operation, for messages
     * @param <T>       the value type
     * @return the value
     */
    public static <T> T join(CompletableFuture<T> future, String operation) {
        return join(future, operation, "the service's async() view");
    }

    /**
     * Waits for a future on the calling thread: the one way every blocking call of the REST client and
     * the SDK waits. On an event loop it cancels the future and fails at once, naming the alternative.
     *
     * @param future      the call
     * @param operation   the operation, for messages
     * @param alternative what to use instead on an event loop, for the message
     * @param <T>         the value type
     * @return the value
     */
    public static <T> T join(CompletableFuture<T> future, String operation, String alternative) {
        try {
            BlockingGuard.check(operation, alternative);
        } catch (IllegalStateException e) {
            future.cancel(true);
            throw e;
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RunloopException(operation + ": interrupted while waiting", e);
        } catch (ExecutionException e) {
            throw Failures.map(operation, e.getCause());
        }
    }

    @Override
    public void close() {
        config.transport().close();
    }

    private String describe(Endpoint endpoint, String resourceId) {
        return endpoint.operation() + (resourceId == null ? "" : "(" + resourceId + ")");
    }

    @SuppressWarnings("unchecked")
    private <T> RawResponse<T> rawResponse(Endpoint endpoint, List<String> pathArgs, HttpResponse response,
                                           Type type) {
        // The operation's name for messages is built only when one is needed, not on the success path.
        java.util.function.Supplier<String> what = () -> describe(endpoint, pathArgs.isEmpty() ? null : pathArgs.get(0));
        Map<String, List<String>> headers = lowerCase(response.headers());
        if (endpoint.response() == Endpoint.ResponseKind.BINARY) {
            return new RawResponse<>(response.status(), headers,
                    () -> (T) new ai.runloop.api.BinaryResponse(response, what.get()));
        }
        byte[] body = response.bodyBytes();
        return new RawResponse<>(response.status(), headers, () -> (T) decode(what, response.status(), body, type,
                endpoint.response()));
    }

    /** Reads a buffered success body as the given type; one place for every JSON and text answer. */
    static Object decode(java.util.function.Supplier<String> what, int status, byte[] body, Type type,
                         Endpoint.ResponseKind kind) {
        if (kind == Endpoint.ResponseKind.TEXT || type == String.class) {
            return text(body);
        }
        if (body.length == 0 || type == Void.class) {
            if (type == jakarta.json.JsonValue.class || type == Void.class) {
                return type == Void.class ? null : jakarta.json.JsonValue.NULL;
            }
            throw new InvalidResponseException(what.get() + ": the answer had an empty body", status, "", null);
        }
        try {
            Object value = JsonCodec.get().fromJson(body, type);
            if (value == null) {
                throw new InvalidResponseException(what.get() + ": the answer was JSON null", status, excerpt(body), null);
            }
            return value;
        } catch (JsonbException | JsonException | ClassCastException | IllegalArgumentException
                 | IllegalStateException | ArithmeticException e) {
            throw new InvalidResponseException(what.get() + ": the answer could not be read as "
                    + simpleName(type) + ": " + e.getMessage(), status, excerpt(body), e);
        }
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }

    static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }

    /** @return the text with every occurrence of this client's API key replaced */
    String redact(String text) {
        String key = config.apiKey();
        return key == null || key.isEmpty() || !text.contains(key) ? text : text.replace(key, "<redacted>");
    }

    static String excerpt(byte[] body) {
        String text = text(body.length > EXCERPT * 4 ? java.util.Arrays.copyOf(body, EXCERPT * 4) : body);
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    }

    /**
     * An immutable map, so that {@link RawResponse}'s {@code Map.copyOf} returns it as it is, and the
     * value lists (already immutable) are not copied either: one map per response, not three.
     */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> map = headers.map();
        Map.Entry<String, List<String>>[] entries = new Map.Entry[map.size()];
        int i = 0;
        for (Map.Entry<String, List<String>> header : map.entrySet()) {
            entries[i++] = Map.entry(header.getKey().toLowerCase(Locale.ROOT), List.copyOf(header.getValue()));
        }
        return Map.ofEntries(entries);
    }

    /** One logical call: its attempts share one idempotency key; earlier failures are kept as suppressed. */
    private final class Exchange {
        private final Endpoint endpoint;
        private final EncodedRequest encoded;
        private final RequestOptions options;
        private final int maxRetries;
        private final Duration timeout;
        private final String idempotencyKey;
        private final List<Throwable> earlier = new ArrayList<>();
        private final CancelPropagatingFuture<HttpResponse> result = new CancelPropagatingFuture<>();

        Exchange(Endpoint endpoint, EncodedRequest encoded, RequestOptions options) {
            this.endpoint = endpoint;
            this.encoded = encoded;
            this.options = options;
            this.maxRetries = options.maxRetries().orElse(config.maxRetries());
            this.timeout = options.timeout().orElse(endpoint.longRunning() && config.timeoutIsDefault()
                    ? ClientConfig.LONG_TIMEOUT : config.timeout());
            this.idempotencyKey = endpoint.method().equals("GET") ? null
                    : options.idempotencyKey().orElseGet(() -> "stainless-java-retry-" + UUID.randomUUID());
        }

        /** @return the operation and resource for messages; built only when a message needs it */
        private String what() {
            return describe(endpoint, encoded.resourceId());
        }

        CompletableFuture<HttpResponse> start() {
            attempt(0);
            return result;
        }

        private HttpRequest request(int attempt) {
            long timeoutSeconds = Math.max(1, timeout.toSeconds());
            Headers headers;
            if (attempt == 0 && idempotencyKey == null && options.extraHeaders().isEmpty()) {
                // The same for every such call of this client: built once. Under load, building the
                // header set on each call was about a sixth of the SDK's time on the transport's thread.
                headers = commonHeaders(endpoint.accept(), timeoutSeconds);
            } else {
                Headers.Builder builder = headers(endpoint.accept(), attempt, timeoutSeconds);
                if (idempotencyKey != null) {
                    builder.set("x-request-id", idempotencyKey);
                }
                options.extraHeaders().forEach(builder::set);
                headers = builder.build();
            }
            return HttpRequest.newBuilder(encoded.origin(), encoded.target())
                    .method(endpoint.method(), encoded.body().get())
                    .headers(headers)
                    .kind(endpoint.kind())
                    .timeout(timeout)
                    .streamResponse(endpoint.response() == Endpoint.ResponseKind.BINARY
                            || endpoint.response() == Endpoint.ResponseKind.SSE)
                    .build();
        }

        private void attempt(int attempt) {
            if (result.isDone()) {
                return;
            }
            HttpRequest request;
            try {
                request = request(attempt);
            } catch (RuntimeException e) {
                fail(Failures.map(what(), e));
                return;
            }
            long started = System.nanoTime();
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "-> {0} {1} attempt {2} headers {3}", request.method(),
                        request.uri(), attempt + 1, request.headers());
            }
            CompletableFuture<HttpResponse> sent = Deadlines.send(config.transport(), request, timeout);
            result.follow(sent);
            if (result.isCancelled()) {
                return;
            }
            sent.whenComplete((response, error) -> {
                if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                    LOG.log(System.Logger.Level.DEBUG, "<- {0} {1}: {2} in {3} ms", request.method(), request.uri(),
                            response != null ? response.status() : String.valueOf(Failures.unwrap(error)),
                            (System.nanoTime() - started) / 1_000_000);
                }
                if (error != null) {
                    onFailure(attempt, error);
                } else {
                    onResponse(attempt, response);
                }
            });
        }

        private boolean mayRetry(int attempt) {
            return attempt < maxRetries && encoded.replayable() && !result.isDone();
        }

        private void onFailure(int attempt, Throwable error) {
            RuntimeException mapped = Failures.map(what(), error);
            if (Failures.isRetryable(error) && mayRetry(attempt)) {
                earlier.add(mapped);
                retryAfter(attempt, retry.delay(attempt, null));
            } else {
                fail(mapped);
            }
        }

        private void onResponse(int attempt, HttpResponse response) {
            int status = response.status();
            if (status >= 200 && status < 300) {
                result.complete(response);
                return;
            }
            boolean again = RetryPolicy.shouldRetry(status, response.headers()) && mayRetry(attempt);
            readBody(response).whenComplete((body, readError) -> {
                byte[] bytes = body == null ? new byte[0] : body;
                // A server or proxy may echo the request's headers into an error body: never pass the key on.
                ApiStatusException error = ApiStatusException.of(what() + ": HTTP " + status
                        + (bytes.length == 0 ? "" : " - " + redact(excerpt(bytes))), status,
                        lowerCase(response.headers()), redact(text(bytes)));
                if (again) {
                    earlier.add(error);
                    retryAfter(attempt, retry.delay(attempt, response.headers()));
                } else {
                    fail(error);
                }
            });
        }

        private CompletableFuture<byte[]> readBody(HttpResponse response) {
            if (!response.isStreamed()) {
                return CompletableFuture.completedFuture(response.bodyBytes());
            }
            return response.readAllBytes().exceptionally(e -> new byte[0]);
        }

        private void retryAfter(int attempt, Duration delay) {
            LOG.log(System.Logger.Level.DEBUG, "retrying {0} in {1} ms", what(), delay.toMillis());
            // Through the transport, so the retry resumes where the caller's completions run (a Vert.x context).
            delay(delay).thenRun(() -> attempt(attempt + 1));
        }

        private void fail(RuntimeException error) {
            for (Throwable e : earlier) {
                if (e != error) {
                    error.addSuppressed(e);
                }
            }
            result.completeExceptionally(error);
        }
    }
}
