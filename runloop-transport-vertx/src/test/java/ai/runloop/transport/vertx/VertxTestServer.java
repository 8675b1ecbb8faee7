package ai.runloop.transport.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback Vert.x HTTP server for the transport's own tests (HTTP/1.1, and h2c with prior
 * knowledge, which Vert.x servers accept by default). It counts connections and answers
 * {@code /echo} with the body and {@code x-protocol}, and {@code /download?size=N} (HTTP/1.1) with
 * N bytes written only while the socket takes them, reporting when the client stopped reading.
 */
final class VertxTestServer implements AutoCloseable {

    static final int STALL_PENDING_BYTES = 2 << 20;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();
    private final CompletableFuture<Long> stalled = new CompletableFuture<>();
    private final AtomicLong flushed = new AtomicLong();

    VertxTestServer() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .connectionHandler(connection -> connections.incrementAndGet())
                .requestHandler(request -> {
                    if (request.path().equals("/download")) {
                        long size = Long.parseLong(request.getParam("size"));
                        HttpServerResponse response = request.response();
                        response.putHeader("content-length", Long.toString(size)).setWriteQueueMaxSize(STALL_PENDING_BYTES);
                        new Download(response, size).pump();
                        return;
                    }
                    request.body().onSuccess(body -> request.response()
                            .putHeader("x-protocol", request.version().alpnName())
                            .end(body));
                })
                .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + pathAndQuery);
    }

    int connections() {
        return connections.get();
    }

    CompletableFuture<Long> stalled() {
        return stalled;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private final class Download {
        private static final int CHUNK = 64 * 1024;
        private final HttpServerResponse response;
        private final long size;
        private long written;

        Download(HttpServerResponse response, long size) {
            this.response = response;
            this.size = size;
            response.drainHandler(ignored -> pump());
        }

        void pump() {
            while (written < size && !response.writeQueueFull()) {
                int length = (int) Math.min(CHUNK, size - written);
                byte[] chunk = new byte[length];
                for (int i = 0; i < length; i++) {
                    chunk[i] = (byte) ((written + i) % 251);
                }
                written += length;
                response.write(Buffer.buffer(chunk)).onSuccess(ignored -> flushed.addAndGet(length));
            }
            if (written == size) {
                response.end().onComplete(ignored -> stalled.completeExceptionally(new AssertionError("the whole body of "
                        + size + " bytes left the server without the client's socket ever filling up")));
            } else {
                stalled.complete(flushed.get());
            }
        }
    }
}
