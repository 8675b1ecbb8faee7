/**
 * The Runloop REST client, its request pipeline and the HTTP transport SPI.
 *
 * <p>Transports are found with {@link java.util.ServiceLoader}: add one transport artifact
 * ({@code ai.runloop:runloop-transport-jdk}, {@code -netty} or {@code -vertx}) to the module path or
 * class path. The JSON-B implementation (Yasson) needs no {@code requires}: it is found by service
 * binding.
 */
module ai.runloop.api {
    requires transitive ai.runloop.model;

    exports ai.runloop.api;
    exports ai.runloop.api.errors;
    exports ai.runloop.api.services;
    exports ai.runloop.api.spi;
    // The object-oriented SDK reuses the pipeline's wait helpers (Waits, Composites) and blocking guard.
    exports ai.runloop.api.internal to ai.runloop.sdk;

    uses ai.runloop.api.spi.HttpTransportProvider;
}
