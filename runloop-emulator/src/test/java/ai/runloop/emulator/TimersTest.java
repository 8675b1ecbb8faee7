package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive and idle timers, run fast: one timer second lasts 100 ms here. Every wait is the API's
 * own long poll ({@code wait_for_status} with a short {@code timeout_seconds}), never a sleep: a 408
 * proves the devbox is still running at that point, a 200 that it changed.
 */
class TimersTest {
    private static RunloopEmulator emulator;
    private static Http http;

    @BeforeAll
    static void start() {
        emulator = RunloopEmulator.builder().statusDelay(Duration.ofMillis(5)).timerSecond(Duration.ofMillis(100)).build().start();
        http = new Http(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static HttpResponse<String> waitFor(String id, String status, double seconds) {
        JsonObject body = new JsonObject().put("statuses", new JsonArray().add(status));
        if (seconds > 0) {
            body.put("timeout_seconds", seconds);
        }
        return http.post("/v1/devboxes/" + id + "/wait_for_status", body);
    }

    @Test
    void keepAliveTimeoutShutsTheDevboxDown() {
        String id = http.runningDevbox(new JsonObject().put("launch_parameters",
                new JsonObject().put("keep_alive_time_seconds", 3))).getString("id");
        HttpResponse<String> r = waitFor(id, "shutdown", 0);
        assertEquals(200, r.statusCode(), r::body);
        JsonObject d = new JsonObject(r.body());
        assertEquals("shutdown", d.getString("status"));
        assertEquals("keep_alive_timeout", d.getString("shutdown_reason"));
    }

    @Test
    void keepAliveCallResetsTheTimer() {
        // 10 timer seconds = 1 s; still running at 0.6 s, kept alive, still running at 1.2 s (past the
        // first deadline), then shut down by the renewed deadline (about 1.6 s)
        String id = http.runningDevbox(new JsonObject().put("launch_parameters",
                new JsonObject().put("keep_alive_time_seconds", 10))).getString("id");
        assertEquals(408, waitFor(id, "shutdown", 0.6).statusCode());
        http.postOk("/v1/devboxes/" + id + "/keep_alive", null);
        assertEquals(408, waitFor(id, "shutdown", 0.6).statusCode(), "keep_alive renewed the deadline");
        HttpResponse<String> r = waitFor(id, "shutdown", 0);
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("keep_alive_timeout", new JsonObject(r.body()).getString("shutdown_reason"));
    }

    @Test
    void idleDevboxIsSuspendedAndResumesWithAFreshTimer() {
        String id = http.runningDevbox(new JsonObject().put("launch_parameters", new JsonObject()
                .put("after_idle", new JsonObject().put("idle_time_seconds", 3).put("on_idle", "suspend")))).getString("id");
        HttpResponse<String> r = waitFor(id, "suspended", 0);
        assertEquals(200, r.statusCode(), r::body);
        http.postOk("/v1/devboxes/" + id + "/resume", null);
        assertEquals(200, waitFor(id, "running", 0).statusCode());
        assertEquals(200, waitFor(id, "suspended", 0).statusCode(), "idles again after resume");
    }

    @Test
    void idleDevboxIsShutDownWhenAskedTo() {
        String id = http.runningDevbox(new JsonObject().put("launch_parameters", new JsonObject()
                .put("after_idle", new JsonObject().put("idle_time_seconds", 2).put("on_idle", "shutdown")))).getString("id");
        HttpResponse<String> r = waitFor(id, "shutdown", 0);
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("idle", new JsonObject(r.body()).getString("shutdown_reason"));
    }

    @Test
    void activityResetsTheIdleTimer() {
        // 10 timer seconds = 1 s idle; a command at 0.6 s moves the deadline to about 1.6 s
        String id = http.runningDevbox(new JsonObject().put("launch_parameters", new JsonObject()
                .put("after_idle", new JsonObject().put("idle_time_seconds", 10).put("on_idle", "shutdown")))).getString("id");
        assertEquals(408, waitFor(id, "shutdown", 0.6).statusCode());
        http.exec(id, "true", null);
        assertEquals(408, waitFor(id, "shutdown", 0.6).statusCode(), "the command counted as activity");
        assertEquals(200, waitFor(id, "shutdown", 0).statusCode());
    }
}
