package ai.runloop.transport.vertx;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;

/**
 * Provides the transport on Vert.x: name {@value #NAME}, priority {@value #PRIORITY}, above the JDK
 * transport ({@code 0}) and below Netty ({@code 20}). Netty ranks first because a Vert.x application
 * that wants this transport passes its own {@code Vertx} through {@link VertxTransports} anyway, while
 * a plain application that happens to have both jars gets the leaner, Vert.x-free Netty transport.
 *
 * <p>A transport made by {@link #create(TransportOptions)} owns a {@code Vertx} (daemon threads),
 * created on first use and closed with the transport.
 */
public final class VertxHttpTransportProvider implements HttpTransportProvider {

    /** The provider name. */
    public static final String NAME = "vertx";

    /** The provider priority: above the JDK transport ({@code 0}), below Netty ({@code 20}). */
    public static final int PRIORITY = 10;

    /**
     * Creates the provider; cheap, as {@link java.util.ServiceLoader} requires.
     *
     * @throws NoClassDefFoundError when Vert.x itself is missing (this jar alone on the class path), so
     *     that discovery skips this provider instead of choosing it and failing in {@link #create}
     */
    public VertxHttpTransportProvider() {
        // Loading (not initialising) the HTTP client interface also loads what it extends: nearly free
        // when Vert.x is present, and the missing class is named when it is not.
        requireLibrary(io.vertx.core.http.HttpClient.class);
    }

    private static void requireLibrary(Class<?> present) {
        java.util.Objects.requireNonNull(present);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Creates a transport that owns its {@code Vertx}, started on first use.
     *
     * @param options the transport options
     * @return a new transport
     */
    @Override
    public HttpTransport create(TransportOptions options) {
        return VertxTransports.create(options);
    }
}
