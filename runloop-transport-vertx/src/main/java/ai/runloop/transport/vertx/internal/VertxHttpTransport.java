package ai.runloop.transport.vertx.internal;

import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportException.Reason;
import ai.runloop.api.spi.TransportOptions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transport on the Vert.x HTTP client: one client (and so one connection pool) per request kind
 * and per plain or TLS origin, on the application's {@code Vertx} or on one it owns.
 *
 * <p>It uses the core {@code HttpClient} rather than the Web Client built on it: the Web Client
 * completes only after a whole body and cannot abort a request, while a transport must hand out
 * streamed bodies at their headers and close the connection when a future is cancelled.
 */
public final class VertxHttpTransport implements HttpTransport {

    private final TransportOptions options;
    private final Vertx sharedVertx;
    private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private final SharedHeaders sharedHeaders = new SharedHeaders();
    private Vertx vertx;
    private volatile boolean closed;

    /**
     * Creates a transport; nothing is started before the first request.
     *
     * @param options the transport options
     * @param sharedVertx the application's {@code Vertx}, or {@code null} to own one
     */
    public VertxHttpTransport(TransportOptions options, Vertx sharedVertx) {
        this.options = options;
        this.sharedVertx = sharedVertx;
        if (sharedVertx != null) {
            // Built here, usually during application setup, so that a first request sent from an
            // event loop does not pay for building clients, or for Netty's first allocation, there.
            NettyWarmup.run();
            this.vertx = sharedVertx;
            for (RequestKind kind : RequestKind.values()) {
                ClientKey key = new ClientKey(kind, false);
                clients.put(key, newClient(sharedVertx, key));
            }
        }
    }

    /**
     * On a Vert.x context, a Vert.x timer of that context, so a retry or a poll that follows the pause
     * is sent from, and completes on, the caller's context; elsewhere the JDK timer of the default.
     */
    @Override
    public CompletableFuture<Void> delay(java.time.Duration delay) {
        Context caller = Vertx.currentContext();
        if (caller == null || delay.isNegative() || delay.isZero()) {
            return HttpTransport.super.delay(delay);
        }
        CompletableFuture<Void> elapsed = new CompletableFuture<>();
        // A timer set on a context fires on it; Vert.x timers take at least a millisecond.
        caller.owner().setTimer(Math.max(1, delay.toMillis()), id -> elapsed.complete(null));
        return elapsed;
    }

    /** Every request's timeout is enforced here (the TCK's timeout tests): the pipeline adds no backstop. */
    @Override
    public boolean enforcesTimeouts() {
        return true;
    }

    @Override
    public CompletableFuture<HttpResponse> send(HttpRequest request) {
        Context caller = Vertx.currentContext();
        if (closed) {
            CompletableFuture<HttpResponse> failed = new CompletableFuture<>();
            failed.completeExceptionally(Failures.of(Reason.CLOSED,
                    request.method() + " " + request.uri() + ": the transport is closed"));
            return failed;
        }
        Exchange exchange;
        try {
            Vertx current = vertx();
            exchange = new Exchange(request, current, caller);
            inFlight.add(exchange);
            exchange.result.whenComplete((response, failure) -> inFlight.remove(exchange));
            boolean tls = request.scheme().equals("https");
            HttpClient client = clients.computeIfAbsent(new ClientKey(request.kind(), tls), key -> newClient(current, key));
            exchange.start(client, sharedHeaders);
        } catch (RuntimeException e) {
            CompletableFuture<HttpResponse> failed = new CompletableFuture<>();
            failed.completeExceptionally(Failures.exchange(e, request.method() + " " + request.uri() + ": cannot send"));
            return failed;
        }
        if (closed) {
            close();
        }
        return exchange.result;
    }

    @Override
    public void close() {
        Vertx owned;
        synchronized (this) {
            closed = true;
            owned = sharedVertx == null ? vertx : null;
        }
        for (Exchange exchange : List.copyOf(inFlight)) {
            exchange.fail(Failures.of(Reason.CLOSED, exchange.what() + ": the transport was closed"));
        }
        // Asynchronous: never waits, so it is safe on an event loop.
        clients.values().forEach(HttpClient::close);
        clients.clear();
        if (owned != null) {
            owned.close();
        }
    }

    private synchronized Vertx vertx() {
        if (vertx == null) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            NettyWarmup.run();
            vertx = sharedVertx != null ? sharedVertx : Vertx.vertx(new VertxOptions()
                    .setUseDaemonThread(true)
                    .setEventLoopPoolSize(Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4)))
                    .setWorkerPoolSize(1));
        }
        return vertx;
    }

    private HttpClient newClient(Vertx current, ClientKey key) {
        HttpClientOptions clientOptions = new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .setSslHandshakeTimeout(options.connectTimeout().toMillis())
                .setSslHandshakeTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .setKeepAlive(true)
                .setDecompressionSupported(false)
                // Response body chunks as large as a socket read rather than the decoder's 8 KiB: a 1 GiB
                // download is then 16 thousand buffers to hand to the subscriber instead of 131 thousand.
                .setMaxChunkSize(64 * 1024);
        if (key.tls()) {
            options.sslContext().ifPresent(context -> clientOptions.setSslEngineOptions(new GivenSslContextOptions(context)));
            clientOptions.setUseAlpn(options.preferHttp2())
                    .setProtocolVersion(options.preferHttp2() ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1);
        } else if (options.h2cPriorKnowledge()) {
            clientOptions.setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false);
        } else {
            clientOptions.setProtocolVersion(HttpVersion.HTTP_1_1);
        }
        options.proxy().ifPresent(proxy -> clientOptions.setProxyOptions(new ProxyOptions()
                .setType(ProxyType.HTTP).setHost(proxy.getHostString()).setPort(proxy.getPort())));
        int max = options.maxConnections(key.kind());
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(max).setHttp2MaxSize(Math.max(1, Math.min(max, 4)));
        return current.httpClientBuilder().with(clientOptions).with(pool).build();
    }

    private record ClientKey(RequestKind kind, boolean tls) {
    }
}
