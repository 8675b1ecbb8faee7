package ai.runloop.transport.netty;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.transport.netty.internal.NettyHttpTransport;
import io.netty.channel.EventLoopGroup;
import java.util.Objects;

/**
 * Factories of Netty transports, to pass a transport to a client explicitly.
 *
 * <p>What a Netty transport honours of {@link TransportOptions}: all of it. Connection limits apply
 * per request kind and origin; an HTTP/2 connection carries many requests, so with HTTP/2 the limit
 * counts connections, not requests. Host names are resolved with the JDK resolver.
 */
public final class NettyTransports {

    private NettyTransports() {
    }

    /**
     * A transport that owns its event loop group: native epoll when available, NIO otherwise, with
     * daemon threads; started on first use and shut down by {@link HttpTransport#close()}.
     *
     * @param options the transport options
     * @return a new transport the caller must close
     */
    public static HttpTransport create(TransportOptions options) {
        return new NettyHttpTransport(Objects.requireNonNull(options, "options"), null);
    }

    /**
     * A transport on the application's event loop group, which it never shuts down. The group must
     * be an NIO group, or an epoll group when native epoll is available (as made by
     * {@code new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory())} or
     * {@code EpollIoHandler.newFactory()}). Closing the transport closes its connections only.
     *
     * @param options the transport options
     * @param group the event loop group to run connections on
     * @return a new transport the caller must close
     */
    public static HttpTransport create(TransportOptions options, EventLoopGroup group) {
        return new NettyHttpTransport(Objects.requireNonNull(options, "options"), Objects.requireNonNull(group, "group"));
    }
}
