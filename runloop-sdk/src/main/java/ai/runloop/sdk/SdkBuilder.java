package ai.runloop.sdk;

import ai.runloop.api.RunloopClient;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a {@link RunloopSDK} or an {@link AsyncRunloopSDK}. Unset values come from the environment
 * ({@code RUNLOOP_API_KEY}, {@code RUNLOOP_BASE_URL}, {@code RUNLOOP_CUSTOM_HEADERS}), then the API's
 * defaults. The transport is found on the module or class path ({@code runloop-transport-jdk} comes
 * with the SDK) unless one is given.
 *
 * @param <S> the SDK flavour built
 */
public final class SdkBuilder<S> {
    private final RunloopClient.Builder client = RunloopClient.builder();
    private final Function<RunloopClient, S> factory;
    private RunloopClient existing;

    SdkBuilder(Function<RunloopClient, S> factory) {
        this.factory = factory;
    }

    /**
     * @param apiKey the API key (never logged or printed)
     * @return this builder
     */
    public SdkBuilder<S> apiKey(String apiKey) {
        client.apiKey(apiKey);
        return this;
    }

    /**
     * @param baseUrl the API's base URL, e.g. an emulator's
     * @return this builder
     */
    public SdkBuilder<S> baseUrl(String baseUrl) {
        client.baseUrl(baseUrl);
        return this;
    }

    /**
     * @param name  a header sent on every API request
     * @param value its value
     * @return this builder
     */
    public SdkBuilder<S> header(String name, String value) {
        client.header(name, value);
        return this;
    }

    /**
     * @param timeout the timeout of each request attempt (default 30 s)
     * @return this builder
     */
    public SdkBuilder<S> timeout(Duration timeout) {
        client.timeout(timeout);
        return this;
    }

    /**
     * @param maxRetries retries after the first attempt (default 5)
     * @return this builder
     */
    public SdkBuilder<S> maxRetries(int maxRetries) {
        client.maxRetries(maxRetries);
        return this;
    }

    /**
     * @param initial the first retry delay
     * @param max     the cap of the delay
     * @return this builder
     */
    public SdkBuilder<S> retryBackoff(Duration initial, Duration max) {
        client.retryBackoff(initial, max);
        return this;
    }

    /**
     * @param transport the transport to use (owned and closed by the SDK)
     * @return this builder
     */
    public SdkBuilder<S> transport(HttpTransport transport) {
        client.transport(transport);
        return this;
    }

    /**
     * @param options options for the transport that is found
     * @return this builder
     */
    public SdkBuilder<S> transportOptions(TransportOptions options) {
        client.transportOptions(options);
        return this;
    }

    /**
     * @param environment the environment to read defaults from instead of the process's
     * @return this builder
     */
    public SdkBuilder<S> environment(Map<String, String> environment) {
        client.environment(environment);
        return this;
    }

    /**
     * @param restClient an existing REST client to build on; every other setting is then ignored, and
     *                   closing the SDK closes this client
     * @return this builder
     */
    public SdkBuilder<S> client(RunloopClient restClient) {
        this.existing = java.util.Objects.requireNonNull(restClient, "restClient");
        return this;
    }

    /**
     * @return the SDK
     * @throws IllegalStateException when no API key is given or set, or no transport is found
     */
    public S build() {
        return factory.apply(existing != null ? existing : client.build());
    }
}
