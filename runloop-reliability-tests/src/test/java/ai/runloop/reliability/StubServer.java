package ai.runloop.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A scripted HTTP server on 127.0.0.1: every request is recorded (method, raw URI, headers, body)
 * and answered by a function. Closed by {@link #close()}.
 */
final class StubServer implements AutoCloseable {
    /** One recorded request. */
    record Request(String method, String rawUri, Map<String, List<String>> headers, byte[] body) {
        String allText() {
            return method + " " + rawUri + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A scripted answer. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        static Reply of(int status, String contentType, byte[] body) {
            return new Reply(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "stub-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StubServer(Function<Request, Reply> script) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> handle(exchange, script));
        server.setExecutor(executor);
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Request, Reply> script) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Reply reply = script.apply(request);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean empty = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
            if (!empty) {
                exchange.getResponseBody().write(reply.body());
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(599, -1);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
