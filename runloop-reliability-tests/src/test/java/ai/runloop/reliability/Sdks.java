package ai.runloop.reliability;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.sdk.RunloopSDK;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Builds SDKs on a named transport without touching global system properties. */
final class Sdks {
    /** A recognisable fake key: tests assert that it never leaks. */
    static final String FAKE_KEY = "rl_FAKE-KEY-0123456789-never-leak";

    /** The SDK's three transports. */
    static final List<String> TRANSPORTS = List.of("jdk", "netty", "vertx");

    private Sdks() {
    }

    static HttpTransport transport(String name) {
        return transport(name, TransportOptions.defaults());
    }

    static HttpTransport transport(String name, TransportOptions options) {
        return ServiceLoader.load(HttpTransportProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no transport provider named " + name)).create(options);
    }

    /** An SDK with small retry backoff, so a fault costs milliseconds, not seconds. */
    static RunloopSDK sdk(String transport, URI baseUrl, String key, Duration timeout) {
        return RunloopSDK.builder().environment(Map.of()).baseUrl(baseUrl.toString()).apiKey(key)
                .transport(transport(transport)).timeout(timeout)
                .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(50)).build();
    }
}
