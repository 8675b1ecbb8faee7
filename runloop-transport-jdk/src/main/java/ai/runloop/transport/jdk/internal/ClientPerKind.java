package ai.runloop.transport.jdk.internal;

import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportOptions;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One {@link HttpClient} per {@link RequestKind} and scheme, each built on first use. Separate clients
 * have separate connection pools, so long polls and transfers never take the connections of ordinary
 * calls.
 *
 * <p>Cleartext ({@code http://}) clients differ in two ways, both measured by the start-up and load
 * benchmarks: they speak HTTP/1.1 unless {@linkplain TransportOptions#h2cPriorKnowledge() h2c} is asked
 * for (the JDK would otherwise send {@code Upgrade: h2c} and then multiplex every call of the pool over
 * one connection), and they get a TLS context that trusts nothing instead of the JDK's default one,
 * whose first use loads and parses the whole CA store: that was about half of a cold start's time to
 * the first response. A cleartext client never makes a TLS connection, and if it ever did, it would
 * fail closed.
 */
final class ClientPerKind {

    private final TransportOptions options;
    private final Map<String, HttpClient> clients = new HashMap<>();

    ClientPerKind(TransportOptions options) {
        this.options = options;
    }

    synchronized HttpClient get(RequestKind kind, boolean cleartext) {
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

    /** Forgets the clients; the JDK 17 client has no close and frees its threads once unreachable. */
    synchronized void clear() {
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
            builder.sslContext(NoTls.CONTEXT);
        }
        return builder.build();
    }

    /** A TLS context for clients that only ever speak cleartext: cheap to make, trusts no certificate. */
    private static final class NoTls {
        static final SSLContext CONTEXT = create();

        private static SSLContext create() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustNothing()}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot create a TLS context", e);
            }
        }
    }

    private static final class TrustNothing extends X509ExtendedTrustManager {
        private static CertificateException refused() {
            return new CertificateException("a cleartext-only client does not make TLS connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw refused();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw refused();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw refused();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw refused();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw refused();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw refused();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
