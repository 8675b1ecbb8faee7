/**
 * The Runloop HTTP transport on Vert.x: its {@link java.util.ServiceLoader} provider, factories that
 * accept the application's {@link io.vertx.core.Vertx}, and an adapter from the SDK's
 * {@link java.util.concurrent.CompletableFuture}s to Vert.x {@link io.vertx.core.Future}s.
 */
package ai.runloop.transport.vertx;
