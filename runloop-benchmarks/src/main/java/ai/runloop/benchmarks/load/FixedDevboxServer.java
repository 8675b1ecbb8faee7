package ai.runloop.benchmarks.load;

import ai.runloop.benchmarks.Fixtures;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The load target: answers every request with the same ~650-byte devbox JSON, over HTTP/1.1 and
 * cleartext HTTP/2 (upgrade and prior knowledge), on 127.0.0.1. Its cost is the floor every client is
 * measured against.
 */
public final class FixedDevboxServer implements AutoCloseable {
    private final HttpServer server;

    private FixedDevboxServer(HttpServer server) {
        this.server = server;
    }

    /**
     * @param vertx the Vert.x to run on
     * @return the started server, on a free port
     */
    public static FixedDevboxServer start(Vertx vertx) {
        return start(vertx, 0);
    }

    /**
     * @param vertx the Vert.x to run on
     * @param port  the port, 0 for a free one
     * @return the started server
     */
    public static FixedDevboxServer start(Vertx vertx, int port) {
        Buffer body = Buffer.buffer(Fixtures.devboxJson());
        String length = Integer.toString(body.length());
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                        .setHttp2ClearTextEnabled(true).setTcpNoDelay(true))
                .requestHandler(request -> request.response()
                        .putHeader("content-type", "application/json")
                        .putHeader("content-length", length)
                        .end(body));
        server = server.listen().toCompletionStage().toCompletableFuture().join();
        return new FixedDevboxServer(server);
    }

    /** @return the base URL */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /**
     * Runs the server in its own JVM, so that the load driver's allocation counts and profiles hold the
     * client only. Prints {@code listening <base URL>} and stops when standard input ends or says
     * {@code stop}.
     *
     * @param args optional port (default: a free one)
     * @throws java.io.IOException when standard input fails
     */
    public static void main(String[] args) throws java.io.IOException {
        Vertx vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(
                args.length > 1 ? Integer.parseInt(args[1]) : 2));
        try (FixedDevboxServer server = start(vertx, args.length > 0 ? Integer.parseInt(args[0]) : 0)) {
            System.out.println("listening " + server.baseUrl());
            System.out.flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.trim().equals("stop"); line = in.readLine()) {
                // wait
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
