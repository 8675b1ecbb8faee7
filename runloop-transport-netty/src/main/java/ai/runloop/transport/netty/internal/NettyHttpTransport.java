package ai.runloop.transport.netty.internal;

import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportException.Reason;
import ai.runloop.api.spi.TransportOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The transport on Netty: one {@link Route} (connection pool) per origin and request kind, on an
 * event loop group it owns (created on first use) or one the application passed.
 *
 * <p>Timeouts run on the group; cancelling or timing out a future closes its HTTP/1.1 connection or
 * resets its HTTP/2 stream. Streamed response bodies are read from the socket only on demand.
 */
public final class NettyHttpTransport implements HttpTransport {

    private final TransportOptions options;
    private final EventLoopGroup sharedGroup;
    private final Map<RouteKey, Route> routes = new ConcurrentHashMap<>();
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private volatile EventLoopGroup group;
    /** The group's loops, for request timers; see {@link #timerLoop}. */
    private volatile EventExecutor[] loops;
    private final AtomicInteger timerTurn = new AtomicInteger();
    private ChannelFactory<Channel> channelFactory;
    private SslContext sslContext;
    private volatile boolean closed;

    /**
     * Creates a transport; nothing is started before the first request.
     *
     * @param options the transport options
     * @param sharedGroup the application's event loop group, or {@code null} to own one
     */
    public NettyHttpTransport(TransportOptions options, EventLoopGroup sharedGroup) {
        this.options = options;
        this.sharedGroup = sharedGroup;
        if (sharedGroup != null) {
            // Usually application setup: Netty's one-time allocator setup belongs here, not on the
            // event loop that writes the first request.
            NettyWarmup.run();
        }
    }

    /** Every request's timeout is enforced here (the TCK's timeout tests): the pipeline adds no backstop. */
    @Override
    public boolean enforcesTimeouts() {
        return true;
    }

    @Override
    public CompletableFuture<HttpResponse> send(HttpRequest request) {
        Exchange exchange = new Exchange(request);
        if (closed) {
            exchange.fail(Failures.of(Reason.CLOSED, exchange.what + ": the transport is closed"));
            return exchange.result;
        }
        inFlight.add(exchange);
        exchange.result.whenComplete((response, failure) -> inFlight.remove(exchange));
        try {
            group();
            RouteKey key = new RouteKey(request.scheme().equals("https"), request.host(), request.port(), request.kind());
            Route route = routes.computeIfAbsent(key, this::newRoute);
            exchange.startTimer(timerLoop());
            route.send(exchange);
        } catch (RuntimeException | NoSuchAlgorithmException e) {
            exchange.fail(Failures.exchange(e, exchange.what + ": cannot send the request"));
        }
        if (closed) {
            close();
        }
        return exchange.result;
    }

    @Override
    public void close() {
        EventLoopGroup owned;
        synchronized (this) {
            closed = true;
            owned = sharedGroup == null ? group : null;
        }
        for (Exchange exchange : List.copyOf(inFlight)) {
            exchange.fail(Failures.of(Reason.CLOSED, exchange.what + ": the transport was closed"));
        }
        routes.values().forEach(Route::close);
        if (owned != null && !owned.isShuttingDown()) {
            owned.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    /**
     * The loop a request's timer runs on: the calling thread's own loop when it is one of the group's (so
     * arming and cancelling it never wakes another thread), else the loops in turn. Never the group's
     * {@code next()}: that also places new connections, and drawing every timer from it too had put all
     * connections of a busy route on one loop (each send took one turn for its timer, each connect the
     * next), leaving the other loop idle.
     */
    private EventExecutor timerLoop() {
        EventExecutor[] all = loops;
        for (EventExecutor loop : all) {
            if (loop.inEventLoop()) {
                return loop;
            }
        }
        return all[(timerTurn.getAndIncrement() & Integer.MAX_VALUE) % all.length];
    }

    private EventLoopGroup group() throws NoSuchAlgorithmException {
        EventLoopGroup current = group;
        return current != null ? current : createGroup();
    }

    private synchronized EventLoopGroup createGroup() throws NoSuchAlgorithmException {
        if (group == null) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            NettyWarmup.run();
            EventLoopGroup created = sharedGroup != null ? sharedGroup : EventLoops.newGroup();
            List<EventExecutor> members = new ArrayList<>();
            created.forEach(members::add);
            loops = members.toArray(new EventExecutor[0]);
            channelFactory = EventLoops.channelFactory(created);
            sslContext = newSslContext();
            group = created;
        }
        return group;
    }

    private SslContext newSslContext() throws NoSuchAlgorithmException {
        SSLContext context = options.sslContext().isPresent() ? options.sslContext().get() : SSLContext.getDefault();
        ApplicationProtocolConfig alpn = options.preferHttp2()
                ? new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)
                : ApplicationProtocolConfig.DISABLED;
        return new JdkSslContext(context, true, null, IdentityCipherSuiteFilter.INSTANCE, alpn, ClientAuth.NONE, null, false);
    }

    private synchronized Route newRoute(RouteKey key) {
        InetSocketAddress proxy = options.proxy().orElse(null);
        long connectMillis = Math.max(1, Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channelFactory(channelFactory)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
        if (key.kind() == RequestKind.TRANSFER) {
            // A download to a file keeps up to 2 MiB of read buffers until they are on disk (StreamedBody). The
            // default adaptive allocator then carves fresh chunks, zeroing each: perf showed that as a quarter
            // of the event loop's time in the transfer benchmark. The pooled allocator reuses its pages. Reads
            // of up to 256 KiB rather than 64 KiB: a fifth less CPU time per downloaded GiB.
            bootstrap.option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 2048, 256 * 1024));
        }
        if (proxy != null) {
            // The proxy resolves the target's name.
            bootstrap.resolver(NoopAddressResolverGroup.INSTANCE).remoteAddress(proxy);
        }
        Route route = new Route(key, bootstrap, options.maxConnections(key.kind()), key.tls(), proxy != null,
                options.h2cPriorKnowledge(), options.preferHttp2());
        // Set before the route's first connect; the route's handler goes last, behind proxy and TLS.
        bootstrap.handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                if (proxy != null) {
                    HttpProxyHandler proxyHandler = new HttpProxyHandler(proxy);
                    proxyHandler.setConnectTimeoutMillis(connectMillis);
                    channel.pipeline().addLast(proxyHandler);
                }
                if (key.tls()) {
                    SslHandler ssl = sslContext.newHandler(channel.alloc(), key.host(), key.port());
                    SSLEngine engine = ssl.engine();
                    SSLParameters parameters = engine.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    engine.setSSLParameters(parameters);
                    ssl.setHandshakeTimeoutMillis(connectMillis);
                    channel.pipeline().addLast(ssl);
                }
                route.initChannel(channel);
            }
        });
        return route;
    }
}
