package ai.runloop.transport.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.RequestBody;
import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportOptions;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NettyTransportTest {

    private static final long LIMIT_SECONDS = 30;

    @TempDir
    Path tempDir;

    @Test
    void sequentialRequestsReuseOneKeepAliveConnection() throws Exception {
        try (NettyTestServer server = new NettyTestServer(false);
             HttpTransport transport = NettyTransports.create(TransportOptions.defaults())) {
            for (int i = 0; i < 5; i++) {
                HttpResponse response = await(transport.send(post(server, "/echo", "hello " + i, RequestKind.API)));
                assertEquals(200, response.status());
                assertEquals("http/1.1", response.headers().firstValue("x-protocol").orElseThrow());
                assertEquals("hello " + i, new String(response.bodyBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(1, server.acceptedConnections());
        }
    }

    @Test
    void eachRequestKindHasItsOwnConnections() throws Exception {
        try (NettyTestServer server = new NettyTestServer(false);
             HttpTransport transport = NettyTransports.create(TransportOptions.defaults())) {
            for (RequestKind kind : RequestKind.values()) {
                await(transport.send(post(server, "/echo", "a", kind)));
                await(transport.send(post(server, "/echo", "b", kind)));
            }
            assertEquals(RequestKind.values().length, server.acceptedConnections());
        }
    }

    @Test
    void connectionLimitQueuesRequestsInsteadOfOpeningMore() throws Exception {
        TransportOptions options = TransportOptions.builder().maxConnections(RequestKind.API, 2).build();
        try (NettyTestServer server = new NettyTestServer(false);
             HttpTransport transport = NettyTransports.create(options)) {
            List<CompletableFuture<HttpResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(transport.send(post(server, "/echo", "n" + i, RequestKind.API)));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("n" + i, new String(await(futures.get(i)).bodyBytes(), StandardCharsets.UTF_8));
            }
            assertTrue(server.acceptedConnections() <= 2, "connections: " + server.acceptedConnections());
        }
    }

    @Test
    void h2cWithPriorKnowledgeMultiplexesOneConnection() throws Exception {
        TransportOptions options = TransportOptions.builder().h2cPriorKnowledge(true).build();
        try (NettyTestServer server = new NettyTestServer(true);
             HttpTransport transport = NettyTransports.create(options)) {
            List<CompletableFuture<HttpResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(transport.send(post(server, "/echo", "stream " + i, RequestKind.API)));
            }
            for (int i = 0; i < 16; i++) {
                HttpResponse response = await(futures.get(i));
                assertEquals(200, response.status());
                assertEquals("h2", response.headers().firstValue("x-protocol").orElseThrow());
                assertFalse(response.headers().map().keySet().stream().anyMatch(name -> name.startsWith("x-http2-")),
                        response.headers().toString());
                assertEquals("stream " + i, new String(response.bodyBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(1, server.acceptedConnections());
        }
    }

    @Test
    void h2cUploadsAFileAndAPublisher() throws Exception {
        TransportOptions options = TransportOptions.builder().h2cPriorKnowledge(true).build();
        byte[] bytes = new byte[(1 << 20) + 7];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(tempDir.resolve("upload.bin"), bytes);
        try (NettyTestServer server = new NettyTestServer(true);
             HttpTransport transport = NettyTransports.create(options)) {
            HttpResponse fromFile = await(transport.send(HttpRequest.newBuilder(server.uri("/echo"))
                    .method("PUT", RequestBody.ofFile(file, "application/octet-stream")).kind(RequestKind.TRANSFER).build()));
            assertArrayEquals(bytes, fromFile.bodyBytes());
            Flow.Publisher<ByteBuffer> publisher = subscriber -> new java.util.concurrent.SubmissionPublisher<ByteBuffer>() {
                {
                    subscribe(subscriber);
                    for (int offset = 0; offset < bytes.length; offset += 10_000) {
                        submit(ByteBuffer.wrap(bytes, offset, Math.min(10_000, bytes.length - offset)).slice());
                    }
                    close();
                }
            };
            HttpResponse fromPublisher = await(transport.send(HttpRequest.newBuilder(server.uri("/echo"))
                    .method("PUT", RequestBody.ofPublisher(publisher, bytes.length, "application/octet-stream")).build()));
            assertArrayEquals(bytes, fromPublisher.bodyBytes());
        }
    }

    @Test
    void aSlowSubscriberStopsTheSocketReads() throws Exception {
        long size = 64L << 20;
        try (NettyTestServer server = new NettyTestServer(false);
             HttpTransport transport = NettyTransports.create(TransportOptions.defaults())) {
            HttpResponse response = await(transport.send(HttpRequest.newBuilder(server.uri("/download?size=" + size))
                    .kind(RequestKind.TRANSFER).streamResponse(true).build()));
            CheckingSubscriber subscriber = new CheckingSubscriber();
            response.bodyPublisher().subscribe(subscriber);
            subscriber.first.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            // The subscriber asked for one buffer only: the client must stop reading, the socket
            // buffers fill, and the server stalls long before it has sent the whole body.
            long flushedAtStall = server.stalled().get(LIMIT_SECONDS, TimeUnit.SECONDS);
            long buffered = flushedAtStall - subscriber.bytes.get();
            assertTrue(buffered < (32L << 20), "bytes sent but not delivered when the server stalled: " + buffered);
            subscriber.requestAll();
            assertEquals(size, subscriber.done.get(LIMIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSharedEventLoopGroupIsNotShutDownOnClose() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (NettyTestServer server = new NettyTestServer(false)) {
            HttpTransport transport = NettyTransports.create(TransportOptions.defaults(), group);
            assertEquals(200, await(transport.send(post(server, "/echo", "x", RequestKind.API))).status());
            transport.close();
            assertFalse(group.isShuttingDown());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static HttpRequest post(NettyTestServer server, String path, String body, RequestKind kind) {
        return HttpRequest.newBuilder(server.uri(path))
                .method("POST", RequestBody.ofBytes(body.getBytes(StandardCharsets.UTF_8), "text/plain"))
                .kind(kind)
                .build();
    }

    private static HttpResponse await(CompletableFuture<HttpResponse> future) throws Exception {
        return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
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
