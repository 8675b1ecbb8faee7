package ai.runloop.transport.vertx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.RequestBody;
import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportOptions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VertxTransportTest {

    private static final long LIMIT_SECONDS = 30;

    @TempDir
    Path tempDir;

    @Test
    void sequentialRequestsReuseOneKeepAliveConnection() throws Exception {
        try (VertxTestServer server = new VertxTestServer();
             HttpTransport transport = VertxTransports.create(TransportOptions.defaults())) {
            for (int i = 0; i < 5; i++) {
                HttpResponse response = await(transport.send(post(server, "hello " + i, RequestKind.API)));
                assertEquals("http/1.1", response.headers().firstValue("x-protocol").orElseThrow());
                assertEquals("hello " + i, new String(response.bodyBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(1, server.connections());
        }
    }

    @Test
    void eachRequestKindHasItsOwnConnections() throws Exception {
        try (VertxTestServer server = new VertxTestServer();
             HttpTransport transport = VertxTransports.create(TransportOptions.defaults())) {
            for (RequestKind kind : RequestKind.values()) {
                await(transport.send(post(server, "a", kind)));
                await(transport.send(post(server, "b", kind)));
            }
            assertEquals(RequestKind.values().length, server.connections());
        }
    }

    @Test
    void h2cWithPriorKnowledgeMultiplexesOneConnection() throws Exception {
        TransportOptions options = TransportOptions.builder().h2cPriorKnowledge(true).build();
        try (VertxTestServer server = new VertxTestServer();
             HttpTransport transport = VertxTransports.create(options)) {
            List<CompletableFuture<HttpResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(transport.send(post(server, "stream " + i, RequestKind.API)));
            }
            for (int i = 0; i < 16; i++) {
                HttpResponse response = await(futures.get(i));
                assertEquals("h2", response.headers().firstValue("x-protocol").orElseThrow());
                assertEquals("stream " + i, new String(response.bodyBytes(), StandardCharsets.UTF_8));
            }
            // Streams share connections: the Vert.x pool opens at most 4 HTTP/2 connections per kind.
            assertTrue(server.connections() <= 4, "connections: " + server.connections());
        }
    }

    @Test
    void aSlowSubscriberStopsTheSocketReads() throws Exception {
        long size = 64L << 20;
        try (VertxTestServer server = new VertxTestServer();
             HttpTransport transport = VertxTransports.create(TransportOptions.defaults())) {
            HttpResponse response = await(transport.send(HttpRequest.newBuilder(server.uri("/download?size=" + size))
                    .kind(RequestKind.TRANSFER).streamResponse(true).build()));
            CheckingSubscriber subscriber = new CheckingSubscriber();
            response.bodyPublisher().subscribe(subscriber);
            subscriber.first.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            long flushedAtStall = server.stalled().get(LIMIT_SECONDS, TimeUnit.SECONDS);
            long buffered = flushedAtStall - subscriber.bytes.get();
            assertTrue(buffered < (32L << 20), "bytes sent but not delivered when the server stalled: " + buffered);
            subscriber.requestAll();
            assertEquals(size, subscriber.done.get(LIMIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void requestsSentOnAContextCompleteOnItAndNeverBlockTheEventLoop() throws Exception {
        BlockedThreadRecorder blocked = BlockedThreadRecorder.install();
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(500).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
        byte[] bytes = new byte[(4 << 20) + 3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Path file = Files.write(tempDir.resolve("upload.bin"), bytes);
        try (VertxTestServer server = new VertxTestServer();
             HttpTransport transport = VertxTransports.create(vertx, TransportOptions.defaults())) {
            CompletableFuture<Void> checked = new CompletableFuture<>();
            Context context = vertx.getOrCreateContext();
            context.runOnContext(ignored -> {
                Thread eventLoop = Thread.currentThread();
                CompletableFuture<HttpResponse> buffered = transport.send(post(server, "from a verticle", RequestKind.API));
                CompletableFuture<HttpResponse> upload = transport.send(HttpRequest.newBuilder(server.uri("/echo"))
                        .method("PUT", RequestBody.ofFile(file, "application/octet-stream")).kind(RequestKind.TRANSFER).build());
                buffered.thenCompose(response -> {
                    assertSame(context, Vertx.currentContext(), "completed on the caller's context");
                    assertSame(eventLoop, Thread.currentThread());
                    assertEquals("from a verticle", new String(response.bodyBytes(), StandardCharsets.UTF_8));
                    return upload;
                }).thenCompose(response -> {
                    assertSame(context, Vertx.currentContext(), "completed on the caller's context");
                    assertArrayEquals(bytes, response.bodyBytes());
                    // The adapter completes on the context too.
                    return VertxFutures.toFuture(transport.send(post(server, "adapted", RequestKind.API)))
                            .map(adapted -> {
                                assertSame(context, Vertx.currentContext(), "Vert.x future completed on the caller's context");
                                return adapted;
                            }).toCompletionStage();
                }).whenComplete((response, failure) -> {
                    if (failure != null) {
                        checked.completeExceptionally(failure);
                    } else {
                        checked.complete(null);
                    }
                });
            });
            checked.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
            blocked.uninstall();
        }
        assertTrue(blocked.records.isEmpty(), "blocked-thread warnings: " + blocked.records);
    }

    @Test
    void theBlockedThreadCheckSeesABlockingHandler() throws Exception {
        // Shows that the recorder in the test above would catch a transport that blocks.
        BlockedThreadRecorder blocked = BlockedThreadRecorder.install();
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
        try {
            CompletableFuture<Void> warned = blocked.firstWarning;
            CompletableFuture<Void> release = new CompletableFuture<>();
            vertx.runOnContext(ignored -> release.join());
            warned.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            release.complete(null);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
            blocked.uninstall();
        }
        assertFalse(blocked.records.isEmpty());
    }

    @Test
    void aSharedVertxIsNotClosedWithTheTransport() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (VertxTestServer server = new VertxTestServer()) {
            HttpTransport transport = VertxTransports.create(vertx, TransportOptions.defaults());
            assertEquals(200, await(transport.send(post(server, "x", RequestKind.API))).status());
            transport.close();
            CompletableFuture<Void> stillRunning = new CompletableFuture<>();
            vertx.runOnContext(ignored -> stillRunning.complete(null));
            stillRunning.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static HttpRequest post(VertxTestServer server, String body, RequestKind kind) {
        return HttpRequest.newBuilder(server.uri("/echo"))
                .method("POST", RequestBody.ofBytes(body.getBytes(StandardCharsets.UTF_8), "text/plain"))
                .kind(kind)
                .build();
    }

    private static HttpResponse await(CompletableFuture<HttpResponse> future) throws Exception {
        return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Records Vert.x's blocked-thread warnings, which it logs through java.util.logging. */
    private static final class BlockedThreadRecorder extends Handler {
        private static final Logger VERTX = Logger.getLogger("io.vertx");
        final List<String> records = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> firstWarning = new CompletableFuture<>();

        static BlockedThreadRecorder install() {
            BlockedThreadRecorder recorder = new BlockedThreadRecorder();
            VERTX.addHandler(recorder);
            return recorder;
        }

        void uninstall() {
            VERTX.removeHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            String logger = String.valueOf(record.getLoggerName());
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && logger.contains("BlockedThreadChecker")) {
                records.add(record.getMessage());
                firstWarning.complete(null);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Requests one buffer, then everything when told; checks the bytes' pattern and count. */
    private static final class CheckingSubscriber implements Flow.Subscriber<ByteBuffer> {
        final CompletableFuture<Void> first = new CompletableFuture<>();
        final CompletableFuture<Long> done = new CompletableFuture<>();
        final AtomicLong bytes = new AtomicLong();
        private volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(ByteBuffer item) {
            long offset = bytes.get();
            while (item.hasRemaining()) {
                if (item.get() != (byte) (offset % 251)) {
                    done.completeExceptionally(new AssertionError("wrong byte at " + offset));
                    subscription.cancel();
                    return;
                }
                offset++;
            }
            bytes.set(offset);
            first.complete(null);
        }

        void requestAll() {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onError(Throwable error) {
            first.completeExceptionally(error);
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(bytes.get());
        }
    }
}
