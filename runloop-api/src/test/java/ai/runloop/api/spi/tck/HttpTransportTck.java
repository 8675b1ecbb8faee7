package ai.runloop.api.spi.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.RequestBody;
import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportException;
import ai.runloop.api.spi.TransportOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport TCK: the behaviour every {@link HttpTransport} must show, checked against servers
 * on 127.0.0.1. A transport module runs it with one small subclass that supplies its provider:
 *
 * <pre>{@code
 * class JdkHttpTransportTckTest extends HttpTransportTck {
 *     protected HttpTransportProvider provider() { return new JdkHttpTransportProvider(); }
 * }
 * }</pre>
 *
 * <p>The capped-heap upload forks a JVM with the test JVM's module path and class path, so the
 * provider must be discoverable there by {@link #provider()}'s name.
 */
public abstract class HttpTransportTck {

    /** Upper bound for anything that should take well under a second; only reached on failure. */
    private static final long LIMIT_SECONDS = 30;
    private static final long LARGE_UPLOAD_BYTES = 256L << 20;
    private static final String LARGE_UPLOAD_HEAP = "-Xmx64m";

    private TckServer server;
    private HttpTransport transport;

    @TempDir
    Path tempDir;

    /**
     * The provider under test.
     *
     * @return a new provider instance
     */
    protected abstract HttpTransportProvider provider();

    @BeforeEach
    void startServerAndTransport() throws IOException {
        server = new TckServer();
        transport = provider().create(TransportOptions.defaults());
    }

    @AfterEach
    void stopServerAndTransport() {
        transport.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "DELETE"})
    void everyMethodArrivesWithItsHeadersAndHeadersComeBack(String method) throws Exception {
        RequestBody body = method.equals("POST") || method.equals("PUT")
                ? RequestBody.ofBytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json")
                : RequestBody.empty();
        HttpRequest request = HttpRequest.newBuilder(server.uri("/echo/path?q=1"))
                .method(method, body)
                .header("X-Tck-Single", "one")
                .header("X-Tck-Multi", "first")
                .header("X-Tck-Multi", "second")
                .build();
        try (HttpResponse response = await(transport.send(request))) {
            assertEquals(200, response.status());
            assertFalse(response.isStreamed());
            assertEquals(method, response.headers().firstValue("x-echo-method").orElseThrow());
            assertEquals("one", response.headers().firstValue("X-TCK-SINGLE").orElseThrow());
            assertEquals(List.of("first", "second"), response.headers().allValues("x-tck-multi"));
            assertArrayEquals(bytesOf(body), response.bodyBytes());
            if (!body.equals(RequestBody.empty())) {
                assertEquals("application/json", response.headers().firstValue("x-echo-content-type").orElseThrow());
            }
        }
    }

    @Test
    void aStatusOtherThan2xxIsAResponseNotAFailure() throws Exception {
        try (HttpResponse response = await(transport.send(HttpRequest.newBuilder(server.uri("/no-such-path")).build()))) {
            assertEquals(404, response.status());
        }
    }

    @Test
    void noBodyArrivesEmpty() throws Exception {
        HttpResponse response = await(transport.send(HttpRequest.newBuilder(server.uri("/echo"))
                .method("POST", RequestBody.empty()).build()));
        assertEquals(0, response.bodyBytes().length);
        String length = response.headers().firstValue("x-echo-content-length").orElseThrow();
        assertTrue(length.equals("0") || length.equals("none"), "Content-Length of an empty body: " + length);
        assertEquals("none", response.headers().firstValue("x-echo-transfer-encoding").orElseThrow());
    }

    @Test
    void bytesBodyArrivesByteExact() throws Exception {
        byte[] bytes = TestData.bytes(100_003, 1);
        assertBodyEchoed(RequestBody.ofBytes(bytes, "application/octet-stream"), bytes);
    }

    @Test
    void fileBodyArrivesByteExact() throws Exception {
        Path file = tempDir.resolve("body.bin");
        TestData.writeFile(file, (3 << 20) + 5, 2);
        assertBodyEchoed(RequestBody.ofFile(file, "application/octet-stream"), Files.readAllBytes(file));
    }

    @Test
    void publisherBodyArrivesByteExactWithItsKnownLength() throws Exception {
        byte[] bytes = TestData.bytes((1 << 20) + 17, 3);
        assertBodyEchoed(RequestBody.ofPublisher(new ChunkPublisher(bytes, 8191), bytes.length, "application/x-tck"), bytes);
    }

    @Test
    void largeFileUploadStreamsFromDiskInAJvmWithASmallHeap() throws Exception {
        Path file = tempDir.resolve("large.bin");
        String expectedDigest = TestData.writeFile(file, LARGE_UPLOAD_BYTES, 4);
        ForkedJvm.Layout layout = ForkedJvm.testJvmHasModulePath() ? ForkedJvm.Layout.MODULE_PATH : ForkedJvm.Layout.CLASS_PATH;
        ForkedJvm.Result result = ForkedJvm.run(layout,
                List.of(LARGE_UPLOAD_HEAP, "-XX:+ExitOnOutOfMemoryError", "-Dsun.net.httpserver.nodelay=true"),
                ForkedUpload.class,
                List.of(provider().name(), server.uri("/digest").toString(), file.toString()),
                Duration.ofSeconds(120), tempDir);
        assertEquals(0, result.exitCode(), result.output());
        long maxHeap = result.output().lines().filter(line -> line.startsWith("max heap: "))
                .mapToLong(line -> Long.parseLong(line.substring("max heap: ".length()))).findFirst().orElseThrow();
        assertTrue(maxHeap < LARGE_UPLOAD_BYTES / 2, "the child's heap must be far smaller than the file: " + maxHeap);
        assertTrue(result.output().contains("answer=" + LARGE_UPLOAD_BYTES + " " + expectedDigest), result.output());
    }

    @Test
    void streamedDownloadArrivesIncrementallyAsRequested() throws Exception {
        long size = 48L << 20;
        HttpRequest request = HttpRequest.newBuilder(server.uri("/download?size=" + size + "&seed=5"))
                .kind(RequestKind.TRANSFER).streamResponse(true).build();
        try (HttpResponse response = await(transport.send(request))) {
            assertEquals(200, response.status());
            assertTrue(response.isStreamed());
            DigestingSubscriber subscriber = new DigestingSubscriber(server::releaseDownload);
            response.bodyPublisher().subscribe(subscriber);
            String digest = subscriber.result.get(LIMIT_SECONDS * 2, TimeUnit.SECONDS);
            assertTrue(server.downloadReleasedBeforeEnd().get(LIMIT_SECONDS, TimeUnit.SECONDS),
                    "the first bytes reached the subscriber only after the server had sent the whole body");
            assertEquals(size, subscriber.bytes.get());
            assertEquals(TestData.digestOf(size, 5), digest);
            assertTrue(subscriber.items.get() > 1, "a large body arrives in more than one buffer");
        }
    }

    @ParameterizedTest(name = "cancel(mayInterruptIfRunning={0})")
    @ValueSource(booleans = {true, false})
    void cancellingTheFutureAbortsTheExchange(boolean mayInterrupt) throws Exception {
        try (SilentServer silent = new SilentServer(new byte[0])) {
            CompletableFuture<HttpResponse> future = transport.send(HttpRequest.newBuilder(silent.uri("/hold")).build());
            silent.requestArrived().get(LIMIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(future.cancel(mayInterrupt));
            assertThrows(CancellationException.class, future::join);
            silent.connectionClosed().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingAnUnreadStreamedResponseFreesItsConnection() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nfirst bytes".getBytes(StandardCharsets.US_ASCII);
        try (SilentServer silent = new SilentServer(head)) {
            HttpResponse response = await(transport.send(HttpRequest.newBuilder(silent.uri("/stream"))
                    .streamResponse(true).build()));
            assertEquals(200, response.status());
            response.close();
            silent.connectionClosed().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStreamedBodyWrittenToAFileArrivesByteExactReplacingTheFile() throws Exception {
        long size = 48L << 20;
        server.releaseDownload(); // no need to hold this one back
        HttpRequest request = HttpRequest.newBuilder(server.uri("/download?size=" + size + "&seed=7"))
                .kind(RequestKind.TRANSFER).streamResponse(true).build();
        Path target = Files.write(tempDir.resolve("download.bin"), new byte[1 << 20]);
        Files.write(target, TestData.bytes(64 << 10, 1), java.nio.file.StandardOpenOption.APPEND);
        try (HttpResponse response = await(transport.send(request))) {
            assertEquals(200, response.status());
            assertEquals(size, response.writeBodyTo(target).get(LIMIT_SECONDS * 2, TimeUnit.SECONDS));
        }
        assertEquals(size, Files.size(target));
        MessageDigest digest = TestData.sha256();
        try (java.io.InputStream in = Files.newInputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        assertEquals(TestData.digestOf(size, 7), TestData.hex(digest.digest()));
    }

    @Test
    void aStreamedBodyCutShortFailsItsFileWriteWithARetryableFailure() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nfirst bytes".getBytes(StandardCharsets.US_ASCII);
        try (SilentServer cutting = new SilentServer(head, true)) {
            HttpResponse response = await(transport.send(HttpRequest.newBuilder(cutting.uri("/cut"))
                    .kind(RequestKind.TRANSFER).streamResponse(true).build()));
            CompletableFuture<Long> written = response.writeBodyTo(tempDir.resolve("cut.bin"));
            ExecutionException error = assertThrows(ExecutionException.class,
                    () -> written.get(LIMIT_SECONDS, TimeUnit.SECONDS));
            TransportException failure = assertInstanceOf(TransportException.class, error.getCause());
            assertTrue(failure.isRetryable(), failure.toString());
        }
    }

    @Test
    void cancellingAFileWriteAbortsTheDownload() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nfirst bytes".getBytes(StandardCharsets.US_ASCII);
        try (SilentServer silent = new SilentServer(head)) {
            HttpResponse response = await(transport.send(HttpRequest.newBuilder(silent.uri("/slow"))
                    .kind(RequestKind.TRANSFER).streamResponse(true).build()));
            CompletableFuture<Long> written = response.writeBodyTo(tempDir.resolve("slow.bin"));
            assertTrue(written.cancel(true));
            silent.connectionClosed().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStreamedBodyCutShortFailsItsSubscriberWithARetryableFailure() throws Exception {
        // A download cut mid-way must be told apart from its end, and classified like any broken connection,
        // so that the pipeline can start it again.
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nfirst bytes".getBytes(StandardCharsets.US_ASCII);
        try (SilentServer cutting = new SilentServer(head, true)) {
            HttpResponse response = await(transport.send(HttpRequest.newBuilder(cutting.uri("/cut"))
                    .kind(RequestKind.TRANSFER).streamResponse(true).build()));
            assertEquals(200, response.status());
            DigestingSubscriber subscriber = new DigestingSubscriber(() -> { });
            response.bodyPublisher().subscribe(subscriber);
            ExecutionException error = assertThrows(ExecutionException.class,
                    () -> subscriber.result.get(LIMIT_SECONDS, TimeUnit.SECONDS));
            TransportException failure = assertInstanceOf(TransportException.class, error.getCause());
            assertTrue(failure.isRetryable(), failure.toString());
            assertTrue(subscriber.bytes.get() < 1_000_000);
        }
    }

    @Test
    void connectTimeoutIsClassified() throws Exception {
        try (FullBacklogServer full = new FullBacklogServer();
             HttpTransport quick = provider().create(TransportOptions.builder().connectTimeout(Duration.ofMillis(300)).build())) {
            assumeTrue(full.isFull(), "this OS accepted every connection: cannot provoke a connect timeout on loopback");
            TransportException failure = failureOf(quick.send(HttpRequest.newBuilder(full.uri("/")).build()));
            assertEquals(TransportException.Reason.CONNECT_TIMEOUT, failure.reason(), failure.toString());
            assertTrue(failure.isRetryable());
        }
    }

    @ParameterizedTest(name = "streamResponse={0}")
    @ValueSource(booleans = {false, true})
    void responseThatNeverComesTimesOut(boolean streamResponse) throws Exception {
        try (SilentServer silent = new SilentServer(new byte[0])) {
            HttpRequest request = HttpRequest.newBuilder(silent.uri("/never"))
                    .timeout(Duration.ofMillis(300)).streamResponse(streamResponse).build();
            TransportException failure = failureOf(transport.send(request));
            assertEquals(TransportException.Reason.TIMEOUT, failure.reason(), failure.toString());
            assertTrue(failure.isRetryable());
        }
    }

    @Test
    void bufferedBodyThatStallsTimesOut() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nten bytes.".getBytes(StandardCharsets.US_ASCII);
        try (SilentServer silent = new SilentServer(head)) {
            HttpRequest request = HttpRequest.newBuilder(silent.uri("/stall")).timeout(Duration.ofMillis(300)).build();
            TransportException failure = failureOf(transport.send(request));
            assertEquals(TransportException.Reason.TIMEOUT, failure.reason(), failure.toString());
            silent.connectionClosed().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * What a transport that answers {@link HttpTransport#enforcesTimeouts()} with {@code true} promises:
     * the pipeline then sets no deadline of its own, so a stall anywhere before the response is
     * complete (no answer at all, half a status line and headers, half a buffered body) must fail with
     * the transport's own timeout and close the connection.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"silent", "half a head, buffered", "half a head, streamed", "half a body, buffered"})
    void aTransportThatEnforcesTimeoutsCutsEveryStall(String stall) throws Exception {
        assumeTrue(transport.enforcesTimeouts(), "the transport leaves timeouts to the pipeline's backstop");
        String partial = switch (stall) {
            case "silent" -> "";
            case "half a head, buffered", "half a head, streamed" -> "HTTP/1.1 200 OK\r\nContent-Le";
            default -> "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nten bytes.";
        };
        try (SilentServer silent = new SilentServer(partial.getBytes(StandardCharsets.US_ASCII))) {
            HttpRequest request = HttpRequest.newBuilder(silent.uri("/stall")).timeout(Duration.ofMillis(300))
                    .streamResponse(stall.endsWith("streamed")).build();
            TransportException failure = failureOf(transport.send(request));
            assertEquals(TransportException.Reason.TIMEOUT, failure.reason(), failure.toString());
            silent.connectionClosed().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusedConnectionIsClassified() throws Exception {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        TransportException failure = failureOf(transport.send(HttpRequest.newBuilder(closedPort).build()));
        assertEquals(TransportException.Reason.CONNECT, failure.reason(), failure.toString());
        assertTrue(failure.isRetryable());
    }

    @ParameterizedTest
    @EnumSource(RequestKind.class)
    void sixtyFourConcurrentRequestsAllGetTheirOwnAnswer(RequestKind kind) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        List<CompletableFuture<HttpResponse>> futures = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            byte[] body = TestData.bytes(1000 + i, 100 + i);
            bodies.add(body);
            futures.add(transport.send(HttpRequest.newBuilder(server.uri("/echo?i=" + i))
                    .method("POST", RequestBody.ofBytes(body, "application/octet-stream"))
                    .header("X-Tck-Index", Integer.toString(i))
                    .kind(kind)
                    .build()));
        }
        for (int i = 0; i < 64; i++) {
            HttpResponse response = await(futures.get(i));
            assertEquals(200, response.status());
            assertEquals(Integer.toString(i), response.headers().firstValue("x-tck-index").orElseThrow());
            assertArrayEquals(bodies.get(i), response.bodyBytes());
        }
    }

    @Test
    void aClosedTransportFailsNewRequests() throws Exception {
        HttpTransport closed = provider().create(TransportOptions.defaults());
        closed.close();
        closed.close();
        TransportException failure = failureOf(closed.send(HttpRequest.newBuilder(server.uri("/echo")).build()));
        assertEquals(TransportException.Reason.CLOSED, failure.reason());
        assertFalse(failure.isRetryable());
    }

    private void assertBodyEchoed(RequestBody body, byte[] expected) throws Exception {
        HttpResponse response = await(transport.send(HttpRequest.newBuilder(server.uri("/echo"))
                .method("PUT", body).build()));
        assertEquals(200, response.status());
        assertEquals(Long.toString(expected.length), response.headers().firstValue("x-echo-content-length").orElseThrow(),
                "a body of known length is sent with Content-Length");
        assertEquals(body.contentType().orElseThrow(), response.headers().firstValue("x-echo-content-type").orElseThrow());
        byte[] echoed = response.bodyBytes();
        assertEquals(expected.length, echoed.length);
        assertEquals(TestData.sha256(expected), TestData.sha256(echoed));
    }

    private static byte[] bytesOf(RequestBody body) {
        return body instanceof RequestBody.Bytes ? ((RequestBody.Bytes) body).toByteArray() : new byte[0];
    }

    private static HttpResponse await(CompletableFuture<HttpResponse> future) throws Exception {
        return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    private static TransportException failureOf(CompletableFuture<HttpResponse> future) throws Exception {
        ExecutionException error = assertThrows(ExecutionException.class, () -> await(future));
        return assertInstanceOf(TransportException.class, error.getCause());
    }

    /**
     * Requests one buffer at a time, checks that no more arrive than requested, digests them, and
     * runs a callback on the first bytes.
     */
    private static final class DigestingSubscriber implements Flow.Subscriber<ByteBuffer> {
        final CompletableFuture<String> result = new CompletableFuture<>();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong items = new AtomicLong();
        private final MessageDigest digest = TestData.sha256();
        private final Runnable onFirstBytes;
        private Flow.Subscription subscription;
        private long outstanding;

        DigestingSubscriber(Runnable onFirstBytes) {
            this.onFirstBytes = onFirstBytes;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            outstanding = 1;
            s.request(1);
        }

        @Override
        public void onNext(ByteBuffer item) {
            if (--outstanding < 0) {
                result.completeExceptionally(new AssertionError("more items than requested"));
                subscription.cancel();
                return;
            }
            if (items.incrementAndGet() == 1) {
                onFirstBytes.run();
            }
            bytes.addAndGet(item.remaining());
            digest.update(item);
            outstanding++;
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(TestData.hex(digest.digest()));
        }
    }
}
