/**
 * The Runloop HTTP transport on {@code java.net.http.HttpClient}, named {@code jdk}, of the lowest
 * priority: it needs nothing beyond the JDK and is used when no other transport is present.
 */
module ai.runloop.transport.jdk {
    requires transitive ai.runloop.api;
    requires java.net.http;

    exports ai.runloop.transport.jdk;

    provides ai.runloop.api.spi.HttpTransportProvider with ai.runloop.transport.jdk.JdkHttpTransportProvider;
}
