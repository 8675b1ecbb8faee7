package ai.runloop.transport.jdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.RequestOptions;
import ai.runloop.api.RunloopClient;
import ai.runloop.api.errors.PollingTimeoutException;
import ai.runloop.api.errors.UnexpectedStateException;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxStatus;
import ai.runloop.model.devboxes.DevboxView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code devboxes().createAndAwaitRunning} (behaviours §8.2–8.3): one create_and_await_running request,
 * then the wait_for_status long poll where a 408 means "not yet", ending in the running devbox, an
 * {@link UnexpectedStateException} naming the state, or a {@link PollingTimeoutException} naming what
 * was awaited and the last status seen.
 */
@Timeout(60)
class CompositesTest {
    private static final String CREATE = "/v1/devboxes/create_and_await_running";
    private static final String WAIT = "/v1/devboxes/dbx_1/wait_for_status";

    private ScriptedServer server;
    private RunloopClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String devbox(String status) {
        return "{\"id\":\"dbx_1\",\"status\":\"" + status + "\"}";
    }

    /** Creates answer provisioning; the n-th wait (from 0) is answered by {@code waits}. */
    private RunloopClient client(ScriptedServer.Handler... waits) throws Exception {
        AtomicInteger waited = new AtomicInteger();
        server = ScriptedServer.start((request, x) -> {
            if (request.rawPath().equals(CREATE)) {
                x.json(200, devbox("provisioning"));
            } else if (request.rawPath().equals(WAIT)) {
                waits[Math.min(waited.getAndIncrement(), waits.length - 1)].handle(request, x);
            } else {
                x.json(404, "{}");
            }
        });
        client = RunloopClient.builder().apiKey("k").baseUrl(server.baseUrl())
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).environment(Map.of()).build();
        return client;
    }

    private static final ScriptedServer.Handler NOT_YET = (r, x) -> x.json(408, Map.of("x-should-retry", "true"),
            "{\"error\":\"hold lapsed\"}");

    private static ScriptedServer.Handler status(String status) {
        return (r, x) -> x.json(200, devbox(status));
    }

    private static JsonObject body(ScriptedServer.Request request) {
        return Json.createReader(new StringReader(request.bodyText())).readObject();
    }

    @Test
    void provisioningThenTwo408sThenRunningReturnsTheRunningDevbox() throws Exception {
        DevboxView view = client(NOT_YET, NOT_YET, status("running")).devboxes().createAndAwaitRunning(
                DevboxCreateParams.builder().name("box").build(), new PollingConfig(Duration.ofSeconds(1), 60, null),
                RequestOptions.none());
        assertEquals(DevboxStatus.RUNNING, view.status());
        List<ScriptedServer.Request> requests = server.requests();
        assertEquals(List.of(CREATE, WAIT, WAIT, WAIT), requests.stream().map(ScriptedServer.Request::rawPath).toList());
        assertEquals("box", body(requests.get(0)).getString("name"));
        assertNotNull(requests.get(0).header("x-request-id"));
        for (ScriptedServer.Request wait : requests.subList(1, 4)) {
            JsonObject body = body(wait);
            assertEquals(List.of("running", "failure", "shutdown"),
                    body.getJsonArray("statuses").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString).toList());
            double hold = body.getJsonNumber("timeout_seconds").doubleValue();
            assertTrue(hold > 0 && hold <= 30, "hold within the server clamp and the budget: " + hold);
            assertEquals("0", wait.header("x-stainless-retry-count"), "long polls are not retried by the pipeline");
        }
    }

    @Test
    void aRunningCreateReplyNeedsNoWait() throws Exception {
        server = ScriptedServer.start((r, x) -> x.json(200, devbox("running")));
        client = RunloopClient.builder().apiKey("k").baseUrl(server.baseUrl()).environment(Map.of()).build();
        assertEquals(DevboxStatus.RUNNING, client.devboxes().createAndAwaitRunning(null).status());
        assertEquals(1, server.requests().size());
        assertEquals("{}", server.requests().get(0).bodyText(), "an empty create sends {}");
    }

    @Test
    void failureRaisesUnexpectedStateNamingTheState() throws Exception {
        RunloopClient c = client(NOT_YET, (r, x) -> x.json(200,
                "{\"id\":\"dbx_1\",\"status\":\"failure\",\"failure_reason\":\"out_of_memory\"}"));
        UnexpectedStateException e = assertThrows(UnexpectedStateException.class, () -> c.devboxes()
                .createAndAwaitRunning(DevboxCreateParams.builder().build(),
                        new PollingConfig(Duration.ofSeconds(1), 60, null), RequestOptions.none()));
        assertEquals("failure", e.state());
        assertTrue(e.getMessage().contains("dbx_1") && e.getMessage().contains("running")
                && e.getMessage().contains("failure") && e.getMessage().contains("out_of_memory"), e.getMessage());
        assertSame(DevboxView.class, e.value().getClass());
    }

    @Test
    void anExhaustedBudgetRaisesPollingTimeoutNamingWhatAndTheLastStatus() throws Exception {
        RunloopClient c = client(NOT_YET);
        PollingConfig small = new PollingConfig(Duration.ofMillis(100), 3, null);
        PollingTimeoutException e = assertThrows(PollingTimeoutException.class, () -> c.devboxes()
                .createAndAwaitRunning(DevboxCreateParams.builder().build(), small, RequestOptions.none()));
        assertTrue(e.getMessage().contains("devbox dbx_1 to be running"), e.getMessage());
        assertEquals("provisioning", e.lastStatus(), "the create reply is the last status seen");
        assertTrue(e.getMessage().contains("provisioning"), e.getMessage());
        List<ScriptedServer.Request> after = server.requests().subList(1, server.requests().size());
        for (ScriptedServer.Request wait : after.subList(0, after.size() - 1)) {
            double hold = body(wait).getJsonNumber("timeout_seconds").doubleValue();
            assertTrue(hold <= 0.3, "no hold beyond the budget: " + hold);
        }
        // At the timeout the loop reads the devbox once more, to name the freshest status; here that read
        // also gets no answer, so the create reply's status stands.
        assertEquals("GET", after.get(after.size() - 1).method());
    }
}
