package ai.runloop.transport.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.runloop.api.spi.Headers;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.RequestBody;
import ai.runloop.api.spi.TransportOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the Vert.x transport puts in a request's head: reused header sets, the Host of an IPv6 literal. */
class VertxRequestHeadTest {

    private static final long LIMIT_SECONDS = 30;

    @Test
    void aReusedHeaderSetIsSentWholeAndARequestsOwnHeadersNeverLeakIntoIt() throws Exception {
        Headers shared = Headers.builder().set("Authorization", "Bearer k").set("x-stainless-retry-count", "0")
                .add("x-multi", "one").add("x-multi", "two").build();
        try (EchoServer server = EchoServer.start("127.0.0.1");
             HttpTransport transport = VertxTransports.create(TransportOptions.defaults())) {
            for (int i = 0; i < 4; i++) {
                // A PUT without a body gets Content-Length: 0 from the transport, on top of the shared set.
                Map<String, List<String>> put = server.echo(transport, HttpRequest.newBuilder(server.uri("/put"))
                        .method("PUT", RequestBody.empty()).headers(shared).build());
                assertEquals(List.of("0"), put.get("content-length"));
                Map<String, List<String>> get = server.echo(transport, HttpRequest.newBuilder(server.uri("/get"))
                        .headers(shared).build());
                assertFalse(get.containsKey("content-length"), get.toString());
                for (Map<String, List<String>> seen : List.of(put, get)) {
                    assertEquals(List.of("Bearer k"), seen.get("authorization"));
                    assertEquals(List.of("0"), seen.get("x-stainless-retry-count"));
                    assertEquals(List.of("one", "two"), seen.get("x-multi"));
                }
            }
        }
    }

    @Test
    void anIpv6LiteralIsConnectedToAndSentBracketedInTheHostHeader() throws Exception {
        EchoServer server;
        try {
            server = EchoServer.start("::1");
        } catch (ExecutionException e) {
            assumeTrue(false, "no IPv6 loopback on this machine: " + e.getCause());
            return;
        }
        try (server; HttpTransport transport = VertxTransports.create(TransportOptions.defaults())) {
            URI uri = URI.create("http://[::1]:" + server.port() + "/v6");
            Map<String, List<String>> seen = server.echo(transport, HttpRequest.newBuilder(uri).build());
            assertEquals(List.of("[::1]:" + server.port()), seen.get("host"));
        }
    }

    /** Answers every request with its headers, one {@code name: value} line each, names in lower case. */
    private static final class EchoServer implements AutoCloseable {
        private final Vertx vertx;
        private final HttpServer server;
        private final String host;

        private EchoServer(Vertx vertx, HttpServer server, String host) {
            this.vertx = vertx;
            this.server = server;
            this.host = host;
        }

        static EchoServer start(String host) throws Exception {
            Vertx vertx = Vertx.vertx();
            try {
                HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(0))
                        .requestHandler(request -> {
                            StringBuilder lines = new StringBuilder();
                            request.headers().forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
                            request.response().end(lines.toString());
                        })
                        .listen().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
                return new EchoServer(vertx, server, host);
            } catch (Exception e) {
                vertx.close().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
                throw e;
            }
        }

        int port() {
            return server.actualPort();
        }

        URI uri(String path) {
            return URI.create("http://" + host + ":" + port() + path);
        }

        Map<String, List<String>> echo(HttpTransport transport, HttpRequest request) throws Exception {
            HttpResponse response = transport.send(request).get(LIMIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(200, response.status());
            Map<String, List<String>> seen = new TreeMap<>();
            for (String line : new String(response.bodyBytes(), StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(": ");
                seen.computeIfAbsent(line.substring(0, colon).toLowerCase(java.util.Locale.ROOT),
                        name -> new java.util.ArrayList<>()).add(line.substring(colon + 2));
            }
            return seen;
        }

        @Override
        public void close() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
