package ai.runloop.api.spi.tck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A well-behaved loopback HTTP/1.1 server on {@code com.sun.net.httpserver}:
 * <ul>
 *   <li>{@code /echo}: answers 200 with the request body and {@code X-Echo-*} headers describing the
 *       request (method, Content-Length, Transfer-Encoding, Content-Type), plus every {@code X-Tck-*}
 *       request header with all its values;</li>
 *   <li>{@code /digest}: reads the body while computing its length and SHA-256, never holding it,
 *       and answers {@code "<length> <sha256>"};</li>
 *   <li>{@code /download?size=N&seed=S}: sends N pseudo-random bytes; after the first MiB it waits
 *       until the test calls {@link #releaseDownload()}, so the client must see bytes before the
 *       server finishes.</li>
 * </ul>
 */
final class TckServer implements AutoCloseable {

    static final long DOWNLOAD_WAIT_SECONDS = 30;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tck-server");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<Void> downloadReleased = new CompletableFuture<>();
    private final CompletableFuture<Boolean> releasedBeforeEnd = new CompletableFuture<>();

    TckServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(executor);
        server.createContext("/echo", this::echo);
        server.createContext("/digest", this::digest);
        server.createContext("/download", this::download);
        server.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** Lets a held {@code /download} send the rest of its body. */
    void releaseDownload() {
        downloadReleased.complete(null);
    }

    /** Whether the held download was released while the server still held the rest of the body. */
    CompletableFuture<Boolean> downloadReleasedBeforeEnd() {
        return releasedBeforeEnd;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void echo(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var request = exchange.getRequestHeaders();
            var response = exchange.getResponseHeaders();
            response.add("X-Echo-Method", exchange.getRequestMethod());
            response.add("X-Echo-Content-Length", orNone(request.getFirst("Content-Length")));
            response.add("X-Echo-Transfer-Encoding", orNone(request.getFirst("Transfer-Encoding")));
            response.add("X-Echo-Content-Type", orNone(request.getFirst("Content-Type")));
            for (Map.Entry<String, List<String>> header : request.entrySet()) {
                if (header.getKey().toLowerCase(Locale.ROOT).startsWith("x-tck-")) {
                    header.getValue().forEach(value -> response.add(header.getKey(), value));
                }
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void digest(HttpExchange exchange) throws IOException {
        try (exchange) {
            MessageDigest digest = TestData.sha256();
            long length = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    digest.update(buffer, 0, n);
                    length += n;
                }
            }
            byte[] answer = (length + " " + TestData.hex(digest.digest())).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void download(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI());
            long size = Long.parseLong(query.get("size"));
            long seed = Long.parseLong(query.get("seed"));
            exchange.sendResponseHeaders(200, size);
            try (OutputStream out = exchange.getResponseBody()) {
                TestData.write(out, size, seed, () -> {
                    boolean released;
                    try {
                        downloadReleased.get(DOWNLOAD_WAIT_SECONDS, TimeUnit.SECONDS);
                        released = true;
                    } catch (Exception e) {
                        released = false;
                    }
                    releasedBeforeEnd.complete(released);
                });
            }
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], parts[1]);
        }
        return query;
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }
}
