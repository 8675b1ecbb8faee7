/**
 * The Runloop HTTP transport on Vert.x 5, named {@code vertx}: it shares the application's
 * {@code Vertx} when given one, completes futures on the Vert.x context they were started from, and
 * never blocks an event loop.
 */
module ai.runloop.transport.vertx {
    requires ai.runloop.api;
    requires transitive io.vertx.core;
    requires io.netty.buffer;
    requires io.netty.handler;
    requires static io.vertx.codegen.api;

    exports ai.runloop.transport.vertx;

    provides ai.runloop.api.spi.HttpTransportProvider with ai.runloop.transport.vertx.VertxHttpTransportProvider;
}
