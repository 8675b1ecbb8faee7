package ai.runloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.errors.RunloopException;
import ai.runloop.api.errors.RunloopTimeoutException;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.devboxes.ExecutionStreamStdoutUpdatesParams;
import ai.runloop.sdk.RunloopSDK;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Timeouts and cancellation, per transport, against a loopback server that never answers: every
 * blocking call ends with {@link RunloopTimeoutException} (a hang detector bounds each, it asserts no
 * duration), and 1,000 cancelled async calls leave no connection open, after which a normal call on
 * the same client still works.
 */
class TimeoutCancellationTest {
    private static final Duration HANG_DETECTOR = Duration.ofSeconds(60);

    static List<String> transports() {
        return Sdks.TRANSPORTS;
    }

    private static RunloopSDK sdk(String transport, HangingServer server, Duration timeout) {
        return RunloopSDK.builder().environment(Map.of()).baseUrl(server.baseUrl().toString()).apiKey(Sdks.FAKE_KEY)
                .transport(Sdks.transport(transport)).timeout(timeout).maxRetries(1)
                .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();
    }

    @ParameterizedTest(name = "blocking calls time out on {0}")
    @MethodSource("transports")
    void everyBlockingCallHonoursItsTimeout(String transport) {
        try (HangingServer server = new HangingServer(); RunloopSDK sdk = sdk(transport, server, Duration.ofMillis(300))) {
            Map<String, Executable> calls = new LinkedHashMap<>();
            calls.put("devboxes.retrieve", () -> sdk.api().devboxes().retrieve("dbx_1"));
            calls.put("devboxes.list", () -> sdk.devbox().list());
            calls.put("devbox create (POST, then wait)", () -> sdk.devbox().create());
            calls.put("file read", () -> sdk.devbox().fromId("dbx_1").file().read("a.txt"));
            calls.put("file write", () -> sdk.devbox().fromId("dbx_1").file().write("a.txt", "x"));
            calls.put("exec", () -> sdk.devbox().fromId("dbx_1").cmd().exec("echo hi"));
            calls.put("object download", () -> sdk.storageObject().fromId("obj_1").downloadAsBytes());
            calls.put("object upload", () -> sdk.storageObject().uploadFromText("a.txt", "x"));
            calls.put("objects.list", () -> sdk.storageObject().list());
            calls.forEach((name, call) -> {
                RunloopTimeoutException e = assertTimeoutPreemptively(HANG_DETECTOR,
                        () -> assertThrows(RunloopTimeoutException.class, call, name), name + " hung");
                assertNotNull(e.getMessage(), name);
            });
            // An output stream reconnects after a timeout (behaviours §10), a bounded number of times in a row.
            Throwable streamError = assertTimeoutPreemptively(HANG_DETECTOR, () -> {
                try {
                    sdk.api().devboxes().executions().streamStdoutUpdates("exe_1",
                            ExecutionStreamStdoutUpdatesParams.builder().devboxId("dbx_1").build())
                            .forEach(chunk -> { }).get(HANG_DETECTOR.toSeconds(), TimeUnit.SECONDS);
                    return null;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }, "the output stream hung");
            assertInstanceOf(RunloopException.class, streamError);
        }
    }

    @ParameterizedTest(name = "1000 cancellations on {0}")
    @MethodSource("transports")
    void cancellingAsyncCallsFreesTheirConnections(String transport) throws Exception {
        int total = 1000;
        int batch = 10;
        try (HangingServer server = new HangingServer(); RunloopSDK sdk = sdk(transport, server, Duration.ofSeconds(60))) {
            for (int round = 0; round < total / batch; round++) {
                int before = server.requests();
                List<CompletableFuture<DevboxView>> calls = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    calls.add(sdk.api().devboxes().async().retrieve("dbx_" + i));
                }
                assertTrue(server.await(open -> true, requests -> requests >= before + batch, HANG_DETECTOR),
                        "round " + round + ": the requests did not reach the server; open=" + server.open());
                calls.forEach(c -> c.cancel(true));
                for (CompletableFuture<DevboxView> c : calls) {
                    assertTrue(c.isCancelled());
                    assertThrows(CancellationException.class, c::join);
                }
                assertTrue(server.await(open -> open == 0, requests -> true, HANG_DETECTOR),
                        "round " + round + ": cancelled exchanges kept " + server.open() + " connection(s) open");
            }
            assertEquals(total, server.requests(), "each cancelled call was sent once");
            // The client still works after 1,000 cancellations, and holds at most one connection for it.
            assertInstanceOf(DevboxView.class, assertTimeoutPreemptively(HANG_DETECTOR,
                    () -> sdk.api().devboxes().retrieve("ok")));
            assertTrue(server.open() <= 1, "open after a normal call: " + server.open());
            System.out.println("cancellations on " + transport + ": " + total + ", connections accepted "
                    + server.accepted() + ", open at the end " + server.open());
        }
    }

    @ParameterizedTest(name = "cancelling exec in its second step on {0}")
    @MethodSource("transports")
    void cancellingAMultiStepCallStopsTheStepInFlight(String transport) throws Exception {
        // execute answers "running"; the wait for completion that follows is never answered.
        Map<String, String> answers = Map.of("/execute ",
                "{\"devbox_id\":\"dbx_1\",\"execution_id\":\"exe_1\",\"status\":\"running\"}");
        try (HangingServer server = new HangingServer(answers);
             RunloopSDK sdk = sdk(transport, server, Duration.ofSeconds(60))) {
            CompletableFuture<?> exec = sdk.async().devbox().fromId("dbx_1").cmd().exec("sleep 600");
            assertTrue(server.awaitHanging(1, HANG_DETECTOR), "the wait after execute did not reach the server");
            exec.cancel(true);
            assertThrows(CancellationException.class, exec::join);
            // The wait's own timeout (its 25 s hold plus a buffer) would close the connection anyway after
            // ~30 s, so the bound here is well below that: only a cancel that reached the wait passes.
            assertTrue(server.awaitHanging(0, Duration.ofSeconds(15)), "the wait's connection stayed open after the cancel");
            assertEquals(2, server.requests(), "execute, then one wait");
        }
    }
}
