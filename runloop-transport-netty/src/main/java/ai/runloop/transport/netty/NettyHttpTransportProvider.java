package ai.runloop.transport.netty;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;

/**
 * Provides the transport on Netty: name {@value #NAME}, priority {@value #PRIORITY}, above the JDK
 * transport ({@code 0}) and the Vert.x transport ({@code 10}), so adding this jar switches to it.
 *
 * <p>Found by {@link java.util.ServiceLoader}. Each transport it creates owns its event loop group
 * (daemon threads, native epoll when available) and shuts it down on close; to share an
 * application's group, use {@link NettyTransports#create(TransportOptions, io.netty.channel.EventLoopGroup)}.
 */
public final class NettyHttpTransportProvider implements HttpTransportProvider {

    /** The provider name. */
    public static final String NAME = "netty";

    /** The provider priority: above the JDK ({@code 0}) and Vert.x ({@code 10}) transports. */
    public static final int PRIORITY = 20;

    /**
     * Creates the provider; cheap, as {@link java.util.ServiceLoader} requires.
     *
     * @throws NoClassDefFoundError when Netty itself is missing (this jar alone on the class path), so
     *     that discovery skips this provider instead of choosing it and failing in {@link #create}
     */
    public NettyHttpTransportProvider() {
        // Loading (not initialising) one class of the HTTP codec also loads the Netty transport classes
        // it extends: nearly free when Netty is present, and the missing class is named when it is not.
        requireLibrary(io.netty.handler.codec.http.HttpClientCodec.class);
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
     * Creates a transport that owns its event loop group; the group is started on first use.
     *
     * @param options the transport options
     * @return a new transport
     */
    @Override
    public HttpTransport create(TransportOptions options) {
        return NettyTransports.create(options);
    }
}
