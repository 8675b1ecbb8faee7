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
        Buffer body = Buffer.buffer(Fixtures.devboxJson());
        String length = Integer.toString(body.length());
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
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

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
