package ai.runloop.transport.netty.internal;

import ai.runloop.api.spi.TransportException.Reason;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.proxy.ProxyConnectionEvent;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections to one origin for one request kind: idle HTTP/1.1 connections, HTTP/2
 * connections with room for more streams, and the exchanges waiting for either. At most
 * {@code max} connections are open or being opened. State is guarded by this object's lock;
 * network work happens outside it.
 *
 * <p>Over TLS with HTTP/2 preferred, the first connection's ALPN result decides the mode: until it
 * is known, exchanges wait for that one connection.
 *
 * <p>A new connection gets its HTTP/1.1 or HTTP/2 handlers from a {@link Setup} handler in its
 * pipeline, at the pipeline event after which the server's bytes can arrive (channel active, proxy
 * tunnel up, TLS handshake done), never from a listener on the connect future: such a listener may
 * run only after the event loop has already read the server's first bytes (an h2c server sends its
 * SETTINGS as soon as it accepts), which would then pass by a pipeline without the codec.
 */
final class Route {

    private enum Mode { UNKNOWN, H1, H2 }

    private final RouteKey key;
    private final Bootstrap bootstrap;
    private final int max;
    private final boolean tls;
    private final boolean proxied;
    private final boolean h2c;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    /** Header blocks built once for the header sets this route's HTTP/1.1 requests reuse. */
    final RequestWriter.SharedHeads sharedHeads = new RequestWriter.SharedHeads();

    private Mode mode;
    private int open;
    private int connecting;
    private final ArrayDeque<H1Connection> idle = new ArrayDeque<>();
    private final List<H2Connection> h2 = new ArrayList<>();
    private final ArrayDeque<Exchange> waiters = new ArrayDeque<>();
    private boolean closed;

    Route(RouteKey key, Bootstrap bootstrap, int max, boolean tls, boolean proxied, boolean h2c, boolean preferHttp2) {
        this.key = key;
        this.bootstrap = bootstrap;
        this.max = max;
        this.tls = tls;
        this.proxied = proxied;
        this.h2c = h2c;
        this.mode = tls ? (preferHttp2 ? Mode.UNKNOWN : Mode.H1) : (h2c ? Mode.H2 : Mode.H1);
    }

    /** Sends an exchange on an idle connection or stream, or queues it for the next one. */
    void send(Exchange exchange) {
        List<Runnable> actions = new ArrayList<>(2);
        synchronized (this) {
            if (closed) {
                exchange.fail(Failures.of(Reason.CLOSED, exchange.what + ": the transport is closed"));
                return;
            }
            if (mode == Mode.H1) {
                H1Connection connection = pollIdle();
                if (connection != null) {
                    actions.add(() -> connection.run(exchange));
                } else {
                    waiters.add(exchange);
                }
            } else if (mode == Mode.H2) {
                H2Connection connection = pickH2();
                if (connection != null) {
                    connection.active++;
                    actions.add(() -> connection.openStream(exchange));
                } else {
                    waiters.add(exchange);
                }
            } else {
                waiters.add(exchange);
            }
            ensureConnects(actions);
        }
        actions.forEach(Runnable::run);
    }

    /** An HTTP/1.1 connection finished an exchange. */
    void release(H1Connection connection, boolean reusable) {
        List<Runnable> actions = new ArrayList<>(2);
        synchronized (this) {
            if (reusable && !closed && !connection.retired && connection.channel().isActive()) {
                Exchange next = pollWaiter();
                if (next != null) {
                    actions.add(() -> connection.run(next));
                } else {
                    idle.addFirst(connection);
                }
            } else {
                retire(connection);
                actions.add(() -> connection.channel().close());
                ensureConnects(actions);
            }
        }
        actions.forEach(Runnable::run);
    }

    /** A stream of an HTTP/2 connection closed (or never opened). */
    void streamClosed(H2Connection connection) {
        List<Runnable> actions = new ArrayList<>(2);
        synchronized (this) {
            connection.active--;
            dispatchStreams(connection, actions);
            ensureConnects(actions);
        }
        actions.forEach(Runnable::run);
    }

    /** Fails waiting exchanges and closes every connection. */
    void close() {
        List<Exchange> failed;
        synchronized (this) {
            closed = true;
            failed = new ArrayList<>(waiters);
            waiters.clear();
            idle.clear();
        }
        failed.forEach(exchange -> exchange.fail(Failures.of(Reason.CLOSED, exchange.what + ": the transport was closed")));
        channels.forEach(Channel::close);
    }

    private H1Connection pollIdle() {
        H1Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            if (connection.channel().isActive()) {
                return connection;
            }
            retire(connection);
        }
        return null;
    }

    private H2Connection pickH2() {
        H2Connection best = null;
        for (H2Connection connection : h2) {
            if (connection.hasCapacity() && (best == null || connection.active < best.active)) {
                best = connection;
            }
        }
        return best;
    }

    private Exchange pollWaiter() {
        Exchange next;
        while ((next = waiters.pollFirst()) != null) {
            if (!next.result.isDone()) {
                return next;
            }
        }
        return null;
    }

    private void dispatchStreams(H2Connection connection, List<Runnable> actions) {
        while (!waiters.isEmpty() && !closed && connection.hasCapacity()) {
            Exchange next = pollWaiter();
            if (next == null) {
                break;
            }
            connection.active++;
            actions.add(() -> connection.openStream(next));
        }
    }

    /** Opens connections for waiting exchanges, within the limit. Called under the lock. */
    private void ensureConnects(List<Runnable> actions) {
        if (closed) {
            return;
        }
        waiters.removeIf(exchange -> exchange.result.isDone());
        if (mode == Mode.H1) {
            while (waiters.size() > connecting && open < max) {
                open++;
                connecting++;
                actions.add(this::connect);
            }
        } else if (!waiters.isEmpty() && connecting == 0 && open < max) {
            // UNKNOWN waits for one connection's ALPN; HTTP/2 opens one more only when all are full.
            open++;
            connecting++;
            actions.add(this::connect);
        }
    }

    private void retire(H1Connection connection) {
        idle.remove(connection);
        if (!connection.retired) {
            connection.retired = true;
            open--;
        }
    }

    private void retire(H2Connection connection) {
        h2.remove(connection);
        if (!connection.retired) {
            connection.retired = true;
            open--;
        }
    }

    /**
     * Adds the handler that sets up a new connection of this route; called by the bootstrap's
     * initializer, after the proxy and TLS handlers, before the channel is registered.
     */
    void initChannel(Channel channel) {
        channel.pipeline().addLast(new Setup());
    }

    private void connect() {
        ChannelFuture connected = bootstrap.connect(InetSocketAddress.createUnresolved(key.host(), key.port()));
        Channel channel = connected.channel();
        channels.add(channel);
        channel.closeFuture().addListener(f -> channels.remove(channel));
        // Only a failed TCP connect is handled here: once the channel is active, its Setup handler
        // reports the outcome.
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                connectFailed(f.cause());
            }
        });
    }

    /**
     * Makes a new connection an HTTP/1.1 or HTTP/2 one inside its pipeline, so that the protocol's
     * handlers are in place before the first byte from the server is read: on channel active for a
     * plain connection, on the proxy's connection event for a plain tunnel, on the TLS handshake's
     * completion event (with its ALPN result) otherwise. A failure before that (proxy refused, TLS
     * handshake failed or timed out, connection closed) fails the connect instead, once.
     */
    private final class Setup extends ChannelInboundHandlerAdapter {

        private boolean settled;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (!tls && !proxied) {
                ready(ctx, null);
            }
            ctx.fireChannelActive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (tls && event instanceof SslHandshakeCompletionEvent) {
                SslHandshakeCompletionEvent handshake = (SslHandshakeCompletionEvent) event;
                if (handshake.isSuccess()) {
                    ready(ctx, ctx.pipeline().get(SslHandler.class));
                } else {
                    failed(ctx, handshake.cause());
                }
            } else if (!tls && proxied && event instanceof ProxyConnectionEvent) {
                ready(ctx, null);
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Before setup the cause fails the connect; a later one is not this handler's (it is gone).
            failed(ctx, cause);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            failed(ctx, new ClosedChannelException());
            ctx.fireChannelInactive();
        }

        private void ready(ChannelHandlerContext ctx, SslHandler ssl) {
            if (settled) {
                return;
            }
            settled = true;
            boolean useH2 = ssl != null ? ApplicationProtocolNames.HTTP_2.equals(ssl.applicationProtocol()) : h2c;
            // The protocol's handlers go in behind this one, which then leaves: the event being
            // handled, and every read after it, reaches them.
            if (useH2) {
                h2Ready(ctx.channel());
            } else {
                h1Ready(ctx.channel(), ssl == null && !proxied);
            }
            ctx.pipeline().remove(this);
        }

        private void failed(ChannelHandlerContext ctx, Throwable cause) {
            if (settled) {
                return;
            }
            settled = true;
            ctx.close();
            connectFailed(cause);
        }
    }

    private void connectFailed(Throwable cause) {
        List<Exchange> failed = new ArrayList<>();
        List<Runnable> actions = new ArrayList<>(1);
        synchronized (this) {
            open--;
            connecting--;
            if (mode == Mode.H1) {
                Exchange next = pollWaiter();
                if (next != null) {
                    failed.add(next);
                }
            } else {
                // Every waiter was waiting for this one connection.
                failed.addAll(waiters);
                waiters.clear();
            }
            ensureConnects(actions);
        }
        for (Exchange exchange : failed) {
            exchange.fail(Failures.connect(cause, exchange.what + ": connecting to " + key.host() + ":" + key.port()));
        }
        actions.forEach(Runnable::run);
    }

    private void h1Ready(Channel channel, boolean zeroCopyFiles) {
        ResponseHandler handler = new ResponseHandler();
        channel.pipeline().addLast(new HttpClientCodec(4096, 65536, 65536), new ChunkedWriteHandler(), handler);
        H1Connection connection = new H1Connection(this, channel, handler, zeroCopyFiles);
        List<Runnable> actions = new ArrayList<>(2);
        synchronized (this) {
            connecting--;
            mode = Mode.H1;
            if (closed) {
                actions.add(channel::close);
            } else {
                Exchange next = pollWaiter();
                if (next != null) {
                    actions.add(() -> connection.run(next));
                } else {
                    idle.addFirst(connection);
                }
                ensureConnects(actions);
            }
        }
        actions.forEach(Runnable::run);
        channel.closeFuture().addListener(f -> closed(connection));
    }

    private void h2Ready(Channel channel) {
        Http2FrameCodec codec = Http2FrameCodecBuilder.forClient()
                .initialSettings(Http2Settings.defaultSettings().pushEnabled(false))
                .build();
        channel.pipeline().addLast(codec, new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
        H2Connection connection = new H2Connection(this, channel, codec);
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            connecting--;
            mode = Mode.H2;
            h2.add(connection);
            if (closed) {
                actions.add(channel::close);
            } else {
                dispatchStreams(connection, actions);
                ensureConnects(actions);
            }
        }
        actions.forEach(Runnable::run);
        channel.closeFuture().addListener(f -> closed(connection));
    }

    private void closed(H1Connection connection) {
        List<Runnable> actions = new ArrayList<>(1);
        synchronized (this) {
            retire(connection);
            ensureConnects(actions);
        }
        actions.forEach(Runnable::run);
    }

    private void closed(H2Connection connection) {
        List<Runnable> actions = new ArrayList<>(1);
        synchronized (this) {
            retire(connection);
            ensureConnects(actions);
        }
        actions.forEach(Runnable::run);
    }
}
