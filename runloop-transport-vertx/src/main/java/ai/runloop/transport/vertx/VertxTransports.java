package ai.runloop.transport.vertx;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.transport.vertx.internal.VertxHttpTransport;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * Factories of Vert.x transports, to pass a transport to a client explicitly.
 *
 * <p>Futures returned by a Vert.x transport's {@code send} that was called on a Vert.x context
 * complete on that context, so their callbacks may touch the verticle's state. Every
 * {@link TransportOptions} setting is honoured, a custom {@linkplain TransportOptions#sslContext() SSLContext}
 * included (its trust and keys are used, and host names are still checked).
 */
public final class VertxTransports {

    private VertxTransports() {
    }

    /**
     * A transport on the application's {@code Vertx}, which it never closes.
     *
     * @param vertx the application's Vert.x instance
     * @param options the transport options
     * @return a new transport the caller must close (closing it closes its HTTP clients only)
     */
    public static HttpTransport create(Vertx vertx, TransportOptions options) {
        return new VertxHttpTransport(Objects.requireNonNull(options, "options"), Objects.requireNonNull(vertx, "vertx"));
    }

    /**
     * A transport that owns a {@code Vertx} with daemon threads, created on first use and closed
     * with the transport.
     *
     * @param options the transport options
     * @return a new transport the caller must close
     */
    public static HttpTransport create(TransportOptions options) {
        return new VertxHttpTransport(Objects.requireNonNull(options, "options"), null);
    }
}
