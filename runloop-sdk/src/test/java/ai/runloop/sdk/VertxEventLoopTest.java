package ai.runloop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.spi.TransportOptions;
import ai.runloop.emulator.FaultRule;
import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.emulator.junit.RunloopEmulatorTest;
import ai.runloop.transport.vertx.VertxFutures;
import ai.runloop.transport.vertx.VertxTransports;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Vert.x application's request handler uses the SDK on its event loop, with the Vert.x transport on
 * the application's own {@code Vertx}: nothing blocks the loop (Vert.x's blocked-thread checker, tuned
 * to a short limit, reports nothing), every SDK callback and future completion runs on the handler's
 * context, and a blocking SDK call there fails at once pointing to {@code AsyncRunloopSDK}.
 */
@RunloopEmulatorTest
class VertxEventLoopTest {
    private static final long LIMIT_SECONDS = 60;
    /** Well below the command's own two seconds, so a wait for it on the loop is always reported. */
    private static final long MAX_EVENT_LOOP_MILLIS = 1000;

    private final List<BlockedThreadEvent> blocked = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<BlockedThreadEvent> firstBlocked = new CompletableFuture<>();
    private RunloopEmulator emulator;
    private Vertx vertx;
    private HttpServer server;
    private RunloopSDK sdk;

    @BeforeEach
    void startVertx(RunloopEmulator emulator) {
        this.emulator = emulator;
        vertx = Vertx.vertx(new VertxOptions()
                .setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(MAX_EVENT_LOOP_MILLIS).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
        // The checker's own hook, rather than its log output, so the test does not depend on which
        // logging backend Vert.x finds.
        ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
            blocked.add(event);
            firstBlocked.complete(event);
        });
        sdk = RunloopSDK.builder().environment(Map.of()).baseUrl(emulator.baseUrl().toString()).apiKey(emulator.token())
                .transport(VertxTransports.create(vertx, TransportOptions.defaults())).build();
        // Warm up off the loop (class loading, JSON-B), so the short limit measures only the handler's work.
        sdk.devbox().list();
    }

    @AfterEach
    void stopVertx() throws Exception {
        try {
            if (sdk != null) {
                sdk.close();
            }
            emulator.faults().clear();
            if (server != null) {
                server.close().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHandlerCreatesADevboxAndRunsACommandOnItsContextWithoutBlocking() throws Exception {
        List<String> offContext = new CopyOnWriteArrayList<>();
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger lines = new AtomicInteger();
        AsyncRunloopSDK async = sdk.async();
        start(request -> {
            Context handler = Vertx.currentContext();
            Thread loop = Thread.currentThread();
            Handler<String> onContext = step -> {
                checks.incrementAndGet();
                if (Vertx.currentContext() != handler || Thread.currentThread() != loop) {
                    offContext.add(step + " ran on " + Thread.currentThread().getName() + " with context "
                            + Vertx.currentContext());
                }
            };
            ExecOptions streaming = ExecOptions.builder().stdout(line -> {
                lines.incrementAndGet();
                onContext.handle("stdout callback '" + line + "'");
            }).build();
            CompletableFuture<String> flow = async.devbox().create().thenCompose(devbox -> {
                onContext.handle("devbox().create()");
                // The command lasts two seconds: a wait for it on the loop could not hide from the checker.
                return devbox.cmd().exec("sleep 2; echo one; echo two", streaming).thenCompose(result -> {
                    onContext.handle("cmd().exec()");
                    return result.stdoutAsync().thenCompose(stdout -> {
                        onContext.handle("stdoutAsync()");
                        return devbox.file().write("out.txt", stdout);
                    }).thenCompose(ignored -> {
                        onContext.handle("file().write()");
                        return devbox.file().read("out.txt");
                    }).thenCompose(read -> {
                        onContext.handle("file().read()");
                        return devbox.shutdown().thenApply(view -> {
                            onContext.handle("shutdown()");
                            return result.exitCode() + ":" + read;
                        });
                    });
                });
            });
            Future<String> adapted = VertxFutures.toFuture(flow);
            adapted.onComplete(done -> {
                onContext.handle("VertxFutures.toFuture(...) completion");
                if (done.succeeded()) {
                    request.response().end(done.result());
                } else {
                    request.response().setStatusCode(500).end(String.valueOf(done.cause()));
                }
            });
        });

        Reply reply = get("/devbox");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("0:one\ntwo\n", reply.body());
        assertEquals(2, lines.get(), "stdout lines seen by the callback");
        assertEquals(List.of(), offContext, "steps that ran off the handler's context");
        assertEquals(9, checks.get(), "context checks made");
        assertEquals(List.of(), blocked, "blocked-thread reports");
    }

    @Test
    void retriesAndRepeatedPollsInAHandlerStillCompleteOnItsContext() throws Exception {
        // The pipeline's retry backoff and the wait loop's pause after a poll that answered at once
        // both resume after a delay; they must resume on the handler's context, not on a timer thread.
        emulator.faults().add(FaultRule.on("POST", "/v1/devboxes/*/execute_async").status(503).retryAfterMillis(20)
                .times(1).build());
        emulator.faults().add(FaultRule.on("POST", "/v1/devboxes/*/executions/*/wait_for_status").status(408)
                .times(1).build());
        List<String> offContext = new CopyOnWriteArrayList<>();
        AsyncRunloopSDK async = sdk.async();
        AsyncDevbox devbox = await(async.devbox().create());
        start(request -> {
            Context handler = Vertx.currentContext();
            // A stdout callback makes exec start the command with execute_async and then long-poll.
            ExecOptions streaming = ExecOptions.builder().stdout(line -> {
                if (Vertx.currentContext() != handler) {
                    offContext.add("stdout callback ran on " + Thread.currentThread().getName());
                }
            }).build();
            devbox.cmd().exec("echo retried", streaming).thenCompose(ExecutionResult::stdoutAsync).whenComplete((out, error) -> {
                if (Vertx.currentContext() != handler) {
                    offContext.add("exec after a retry and a repeated poll ran on " + Thread.currentThread().getName());
                }
                request.response().end(error != null ? String.valueOf(error) : out);
            });
        });

        Reply reply = get("/retry");

        assertEquals("retried\n", reply.body());
        List<Integer> hits = emulator.faults().hits();
        assertTrue(hits.get(0) >= 1 && hits.get(1) >= 1, "both faults were hit: " + hits);
        assertEquals(List.of(), offContext, "steps that ran off the handler's context");
        await(devbox.shutdown());
        assertEquals(List.of(), blocked, "blocked-thread reports");
    }

    @Test
    void aBlockingCallOnTheEventLoopFailsAtOncePointingToAsyncRunloopSdk() throws Exception {
        start(request -> {
            long started = System.nanoTime();
            try {
                sdk.devbox().create();
                request.response().setStatusCode(500).end("the blocking call returned");
            } catch (IllegalStateException e) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                request.response().end(millis + "ms " + e.getMessage());
            }
        });

        Reply reply = get("/blocking");

        assertEquals(200, reply.status(), reply.body());
        String message = reply.body().substring(reply.body().indexOf(' ') + 1);
        long millis = Long.parseLong(reply.body().substring(0, reply.body().indexOf("ms")));
        assertTrue(message.contains("AsyncRunloopSDK"), message);
        assertTrue(message.contains("vert.x-eventloop-thread"), message);
        assertTrue(millis < MAX_EVENT_LOOP_MILLIS, "the guard took " + millis + " ms");
        assertEquals(List.of(), blocked, "blocked-thread reports");
    }

    @Test
    void theCheckerReportsAHandlerThatWaits() throws Exception {
        // Shows the hook above would see a handler that blocks its loop: this one waits for the test.
        CompletableFuture<Void> release = new CompletableFuture<>();
        start(request -> {
            release.join();
            request.response().end("released");
        });
        CompletableFuture<Reply> reply = getAsync("/wait");
        BlockedThreadEvent event = firstBlocked.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        release.complete(null);
        assertEquals("released", reply.get(LIMIT_SECONDS, TimeUnit.SECONDS).body());
        assertTrue(event.thread().getName().startsWith("vert.x-eventloop-thread"), event.toString());
        assertFalse(blocked.isEmpty());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Starts the app's server. One request answered at once goes first, so the loading of the server's
     * own classes on its event loop is not taken for the SDK blocking it; reports until then are dropped.
     */
    private void start(Handler<HttpServerRequest> handler) throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/warm-up")) {
                request.response().end("warm");
            } else {
                handler.handle(request);
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("warm", get("/warm-up").body());
        firstBlocked = new CompletableFuture<>();
        blocked.clear();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + path);
    }

    /** An answer of the app's server. */
    private record Reply(int status, String body) {
    }

    private Reply get(String path) throws Exception {
        return getAsync(path).get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    /** A plain GET on a thread of its own (the SDK's module does not read java.net.http). */
    private CompletableFuture<Reply> getAsync(String path) {
        URI target = uri(path);
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        Thread client = new Thread(() -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
                connection.setConnectTimeout((int) TimeUnit.SECONDS.toMillis(LIMIT_SECONDS));
                connection.setReadTimeout((int) TimeUnit.SECONDS.toMillis(LIMIT_SECONDS));
                int status = connection.getResponseCode();
                try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                    reply.complete(new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                reply.completeExceptionally(new UncheckedIOException(e));
            }
        }, "test-http-client");
        client.setDaemon(true);
        client.start();
        return reply;
    }
}
