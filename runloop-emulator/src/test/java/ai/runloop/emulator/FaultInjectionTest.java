package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    static RunloopEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() {
        emulator = RunloopEmulator.builder().statusDelay(Duration.ofMillis(10)).build().start();
        http = new Http(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void clear() {
        emulator.faults().clear();
    }

    @Test
    void statusSequenceWithRetryAfterThenPasses() {
        emulator.faults().add(FaultRule.on("GET", "/v1/devboxes").sequence(503, 429, 0).retryAfterSeconds(2)
                .retryAfterMillis(150).build());
        HttpResponse<String> first = http.get("/v1/devboxes");
        assertEquals(503, first.statusCode());
        assertEquals("2", first.headers().firstValue("retry-after").orElse(""));
        assertEquals("150", first.headers().firstValue("retry-after-ms").orElse(""));
        assertEquals(503, new JsonObject(first.body()).getInteger("code"));
        assertEquals(429, http.get("/v1/devboxes").statusCode());
        assertEquals(200, http.get("/v1/devboxes").statusCode());
        assertEquals(200, http.get("/v1/devboxes").statusCode());
    }

    @Test
    void probabilityIsDeterministicForASeed() {
        List<Integer> a = run(42);
        List<Integer> b = run(42);
        assertEquals(a, b);
        assertTrue(a.contains(500) && a.contains(200), a.toString());
    }

    private List<Integer> run(long seed) {
        emulator.faults().clear();
        emulator.faults().reseed(seed);
        emulator.faults().add(FaultRule.on("*", "/v1/devboxes/**").status(500).probability(0.5).build());
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            out.add(http.get("/v1/devboxes/dbx_x").statusCode() == 500 ? 500 : 200);
        }
        return out;
    }

    @Test
    void droppedConnectionGivesNoResponse() {
        // a POST, because java.net.http retries an idempotent GET once by itself
        emulator.faults().add(FaultRule.on("POST", "/v1/devboxes").dropConnection().times(1).build());
        String name = "dropped-" + UUID.randomUUID();
        assertThrows(RuntimeException.class, () -> http.post("/v1/devboxes", new JsonObject().put("name", name)));
        JsonArray all = http.getOk("/v1/devboxes?limit=5000").getJsonArray("devboxes");
        assertTrue(all.stream().noneMatch(o -> name.equals(((JsonObject) o).getString("name"))), "dropped before handling");
        assertEquals(200, http.post("/v1/devboxes", new JsonObject()).statusCode());
    }

    @Test
    void latencyDelaysWithoutChangingTheAnswer() {
        emulator.faults().add(FaultRule.on("GET", "/v1/devboxes").latency(Duration.ofMillis(50)).build());
        assertEquals(200, http.get("/v1/devboxes").statusCode());
        assertEquals(1, emulator.faults().hits().get(0));
    }

    @Test
    void sseStreamIsCutAfterNBytes() {
        String devbox = http.runningDevbox(new JsonObject()).getString("id");
        JsonObject e = http.exec(devbox, "seq 1 200", null);
        String path = "/v1/devboxes/" + devbox + "/executions/" + e.getString("execution_id") + "/stream_stdout_updates";
        emulator.faults().add(FaultRule.on("GET", "/v1/devboxes/*/executions/*/stream_stdout_updates")
                .cutStreamAfterBytes(40).times(1).build());
        assertThrows(RuntimeException.class, () -> http.get(path));
        String full = http.get(path).body();
        assertTrue(full.length() > 40);
    }

    @Test
    void adminRouteConfiguresFaultsOverHttp() {
        assertEquals(401, new Http(emulator.baseUrl(), "wrong", java.net.http.HttpClient.Version.HTTP_1_1)
                .get("/_emulator/faults").statusCode());
        http.postOk("/_emulator/faults", new JsonObject().put("method", "POST").put("path", "/v1/devboxes")
                .put("status", 502).put("times", 1));
        assertEquals(502, http.post("/v1/devboxes", new JsonObject()).statusCode());
        JsonObject listed = http.getOk("/_emulator/faults");
        assertEquals(1, listed.getJsonArray("rules").getJsonObject(0).getInteger("hits"));
        assertEquals(400, http.post("/_emulator/faults", new JsonObject().put("path", "/x").put("status", 200)).statusCode());
        http.send(http.request("/_emulator/faults").DELETE().build());
        assertEquals(0, http.getOk("/_emulator/faults").getJsonArray("rules").size());
    }

    @Test
    void retriedCreateWithSameRequestIdReturnsTheFirstDevbox() throws Exception {
        emulator.faults().add(FaultRule.on("POST", "/v1/devboxes").loseResponse().times(1).build());
        String requestId = "stainless-java-retry-" + UUID.randomUUID();
        HttpRequest create = http.request("/v1/devboxes").header("content-type", "application/json")
                .header("x-request-id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", "once-" + requestId).encode())).build();
        assertThrows(IOException.class, () -> http.client.send(create, HttpResponse.BodyHandlers.ofString()));
        JsonObject retried = Http.ok(http.send(create));
        JsonObject again = Http.ok(http.send(create));
        assertEquals(retried.getString("id"), again.getString("id"));
        JsonArray all = http.getOk("/v1/devboxes?limit=5000").getJsonArray("devboxes");
        long named = all.stream().filter(o -> ("once-" + requestId).equals(((JsonObject) o).getString("name"))).count();
        assertEquals(1, named);
        JsonObject other = http.postOk("/v1/devboxes", new JsonObject().put("name", "once-" + requestId));
        assertNotEquals(retried.getString("id"), other.getString("id"));
    }
}
