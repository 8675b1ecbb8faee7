/**
 * The reliability test module: holds no code of its own; the tests are patched into it by Surefire
 * and run on the module path against the SDK, the emulator and all three transports. Not published.
 */
module ai.runloop.reliability {
    requires ai.runloop.sdk;
    requires ai.runloop.emulator;
    requires ai.runloop.transport.jdk;
    requires ai.runloop.transport.netty;
    requires ai.runloop.transport.vertx;
    requires java.net.http;
    requires java.logging;
    requires jdk.httpserver;

    uses ai.runloop.api.spi.HttpTransportProvider;
}
