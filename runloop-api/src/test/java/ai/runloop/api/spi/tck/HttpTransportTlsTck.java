package ai.runloop.api.spi.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportException;
import ai.runloop.api.spi.TransportOptions;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS and proxy part of the transport TCK: the paths every call to the real API takes (HTTPS) and
 * that corporate networks add (an HTTP proxy), against loopback servers with a certificate made at test
 * time. A transport module runs it with one small subclass that supplies its provider. Checked: a
 * trusted certificate works through {@link TransportOptions#sslContext()}, the JDK's default trust
 * refuses a self-signed one, a certificate for another host name is refused even when trusted, HTTPS
 * goes through a proxy as a {@code CONNECT} tunnel, and plain HTTP goes through it too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpTransportTlsTck {
    private static final long LIMIT_SECONDS = 30;

    private TlsMaterial loopback;
    private TlsMaterial otherHost;

    /**
     * The provider under test.
     *
     * @return a new provider instance
     */
    protected abstract HttpTransportProvider provider();

    @BeforeAll
    void makeCertificates(@TempDir Path dir) {
        loopback = TlsMaterial.create(dir, "ip:127.0.0.1,dns:localhost");
        otherHost = TlsMaterial.create(dir, "dns:other.example");
    }

    @Test
    void aTrustedCertificateServesRequests() throws Exception {
        HttpsServer server = httpsServer(loopback.serverContext());
        try (HttpTransport transport = provider().create(TransportOptions.builder().sslContext(loopback.clientContext()).build())) {
            assertEcho(transport, uri(server, "https"));
            assertEcho(transport, uri(server, "https")); // and again, on a pooled connection
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theDefaultTrustRefusesASelfSignedCertificate() throws Exception {
        HttpsServer server = httpsServer(loopback.serverContext());
        try (HttpTransport transport = provider().create(TransportOptions.defaults())) {
            assertRefused(transport, uri(server, "https"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenWhenTrusted() throws Exception {
        HttpsServer server = httpsServer(otherHost.serverContext());
        try (HttpTransport transport = provider().create(TransportOptions.builder().sslContext(otherHost.clientContext()).build())) {
            assertRefused(transport, uri(server, "https"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void httpsGoesThroughAProxyAsATunnel() throws Exception {
        HttpsServer server = httpsServer(loopback.serverContext());
        try (TestProxy proxy = new TestProxy();
             HttpTransport transport = provider().create(TransportOptions.builder().proxy(proxy.address())
                     .sslContext(loopback.clientContext()).build())) {
            assertEcho(transport, uri(server, "https"));
            assertTrue(proxy.firstLines().stream().anyMatch(l -> l.startsWith("CONNECT 127.0.0.1:" + server.getAddress().getPort())),
                    "no tunnel through the proxy: " + proxy.firstLines());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void plainHttpGoesThroughAProxy() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        serveEcho(server);
        try (TestProxy proxy = new TestProxy();
             HttpTransport transport = provider().create(TransportOptions.builder().proxy(proxy.address()).build())) {
            URI target = uri(server, "http");
            assertEcho(transport, target);
            // Either form is HTTP: the request in absolute form (JDK, Vert.x) or a tunnel (Netty's proxy handler).
            assertTrue(proxy.firstLines().stream().anyMatch(l -> l.startsWith("GET " + target)
                            || l.startsWith("CONNECT 127.0.0.1:" + target.getPort())),
                    "the request did not go through the proxy: " + proxy.firstLines());
        } finally {
            server.stop(0);
        }
    }

    private static HttpsServer httpsServer(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        serveEcho(server);
        return server;
    }

    private static void serveEcho(HttpServer server) {
        server.createContext("/echo", exchange -> {
            byte[] body = ("secure " + exchange.getRequestMethod()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private static URI uri(HttpServer server, String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/echo");
    }

    private static void assertEcho(HttpTransport transport, URI uri) throws Exception {
        try (HttpResponse response = transport.send(HttpRequest.newBuilder(uri).build()).get(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            assertEquals(200, response.status());
            assertEquals("secure GET", new String(response.bodyBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void assertRefused(HttpTransport transport, URI uri) {
        CompletableFuture<HttpResponse> sent = transport.send(HttpRequest.newBuilder(uri).build());
        ExecutionException e = assertThrows(ExecutionException.class, () -> sent.get(LIMIT_SECONDS, TimeUnit.SECONDS),
                "the request was answered although the certificate must not be accepted");
        assertInstanceOf(TransportException.class, e.getCause());
    }
}
