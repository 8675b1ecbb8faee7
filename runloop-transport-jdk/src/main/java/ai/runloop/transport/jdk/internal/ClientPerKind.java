package ai.runloop.transport.jdk.internal;

import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportOptions;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * One {@link HttpClient} per {@link RequestKind} and scheme, each built on first use. Separate clients
 * have separate connection pools, so long polls and transfers never take the connections of ordinary
 * calls.
 *
 * <p>Cleartext ({@code http://}) clients differ in two ways, both measured by the start-up and load
 * benchmarks: they speak HTTP/1.1 unless {@linkplain TransportOptions#h2cPriorKnowledge() h2c} is asked
 * for (the JDK would otherwise send {@code Upgrade: h2c} and then multiplex every call of the pool over
 * one connection), and they get a TLS context that refuses every operation instead of the JDK's
 * default one, whose first use loads the CA store and initialises JSSE: that was about half of a cold
 * start's time to the first response. A cleartext client never makes a TLS connection, and if it ever
 * tried, it would fail closed.
 */
final class ClientPerKind {

    private final TransportOptions options;
    private final Map<String, HttpClient> clients = new HashMap<>();
    private boolean closed;

    ClientPerKind(TransportOptions options) {
        this.options = options;
    }

    synchronized HttpClient get(RequestKind kind, boolean cleartext) {
        if (closed) {
            throw new IllegalStateException("the transport is closed");
        }
        return clients.computeIfAbsent(kind + (cleartext ? "/http" : "/https"), ignored -> build(cleartext));
    }

    /**
     * The client for a request kind without blocking the caller: at once when it exists, else built on a
     * short-lived daemon thread, because building a JDK {@code HttpClient} takes about 0.3 s cold and
     * {@code send} must not block (the caller may be an event loop).
     */
    CompletableFuture<HttpClient> getAsync(RequestKind kind, boolean cleartext) {
        HttpClient built;
        synchronized (this) {
            built = clients.get(kind + (cleartext ? "/http" : "/https"));
        }
        if (built != null) {
            return CompletableFuture.completedFuture(built);
        }
        CompletableFuture<HttpClient> client = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                client.complete(get(kind, cleartext));
            } catch (RuntimeException | Error e) {
                client.completeExceptionally(e);
            }
        }, "runloop-jdk-transport-client-builder");
        builder.setDaemon(true);
        builder.start();
        return client;
    }

    /**
     * Stops every client built so far (see {@link ClientShutdown} for why a dropped client is not enough)
     * and builds none afterwards.
     */
    synchronized void close() {
        closed = true;
        clients.values().forEach(ClientShutdown::stop);
        clients.clear();
    }

    private HttpClient build(boolean cleartext) {
        boolean http2 = options.preferHttp2() && (!cleartext || options.h2cPriorKnowledge());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        options.proxy().ifPresent(proxy -> builder.proxy(ProxySelector.of(proxy)));
        if (options.sslContext().isPresent()) {
            builder.sslContext(options.sslContext().get());
        } else if (cleartext && options.proxy().isEmpty()) {
            builder.sslContext(NoTls.CONTEXT).sslParameters(NoTls.PARAMETERS);
        }
        return builder.build();
    }

    /**
     * TLS settings for clients that only ever speak cleartext. The JDK client wants a TLS context and
     * parameters when it is built, and a real context costs a cold start about 0.1 s even with a class-data
     * archive (the JSSE provider, a seeded {@code SecureRandom}, the crypto policy files, every cipher
     * suite checked for availability; about 400 classes). This context is a plain object whose every
     * operation fails, and the parameters are given so that the client never asks it for its defaults.
     */
    private static final class NoTls {
        static final SSLContext CONTEXT = new SSLContext(new RefusingSpi(), null, "TLS") { };
        static final SSLParameters PARAMETERS = new SSLParameters();
    }

    /** Refuses every TLS operation: a cleartext-only client that ever tried one fails closed. */
    private static final class RefusingSpi extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("a cleartext-only client makes no TLS connections");
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            throw refused();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            throw refused();
        }
    }
}
