package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevboxLifecycleTest {
    static RunloopEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() {
        emulator = RunloopEmulator.builder().statusDelay(Duration.ofMillis(20))
                .devboxWaitHold(Duration.ofMillis(300)).executionWaitHold(Duration.ofMillis(300)).build().start();
        http = new Http(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void bootsSuspendsResumesAndShutsDown() {
        JsonObject created = http.postOk("/v1/devboxes", new JsonObject().put("name", "life")
                .put("metadata", new JsonObject().put("team", "sdk")));
        assertEquals("provisioning", created.getString("status"));
        String id = created.getString("id");
        JsonObject running = http.awaitStatus(id, "running");
        assertEquals("sdk", running.getJsonObject("metadata").getString("team"));
        assertEquals(3, running.getJsonArray("state_transitions").size());

        assertEquals("suspending", http.postOk("/v1/devboxes/" + id + "/suspend", null).getString("status"));
        http.awaitStatus(id, "suspended");
        assertEquals(409, http.post("/v1/devboxes/" + id + "/execute_async", new JsonObject().put("command", "true")).statusCode());
        http.postOk("/v1/devboxes/" + id + "/resume", null);
        http.awaitStatus(id, "running");

        JsonObject down = http.postOk("/v1/devboxes/" + id + "/shutdown", null);
        assertEquals("shutdown", down.getString("status"));
        assertEquals("api_shutdown", down.getString("shutdown_reason"));
        assertNotNull(down.getLong("end_time_ms"));
        JsonObject usage = http.getOk("/v1/devboxes/" + id + "/usage");
        assertEquals("shutdown", usage.getString("status"));
    }

    @Test
    void waitForStatusAnswers408WhenTheHoldLapses() {
        String id = http.runningDevbox(new JsonObject()).getString("id");
        HttpResponse<String> r = http.post("/v1/devboxes/" + id + "/wait_for_status",
                new JsonObject().put("statuses", new JsonArray().add("suspended")));
        assertEquals(408, r.statusCode());
        assertEquals(408, new JsonObject(r.body()).getInteger("code"));
        HttpResponse<String> bad = http.post("/v1/devboxes/" + id + "/wait_for_status",
                new JsonObject().put("statuses", new JsonArray().add("sleeping")));
        assertEquals(400, bad.statusCode());
        assertEquals("statuses", new JsonObject(bad.body()).getString("param"));
    }

    @Test
    void failingLaunchCommandEndsInFailure() {
        JsonObject d = http.postOk("/v1/devboxes", new JsonObject().put("launch_parameters",
                new JsonObject().put("launch_commands", new JsonArray().add("exit 3"))));
        HttpResponse<String> r;
        int rounds = 0;
        do {
            r = http.post("/v1/devboxes/" + d.getString("id") + "/wait_for_status",
                    new JsonObject().put("statuses", new JsonArray().add("failure").add("running")));
        } while (r.statusCode() == 408 && ++rounds < 20);
        JsonObject v = new JsonObject(r.body());
        assertEquals("failure", v.getString("status"));
        assertEquals("execution_failed", v.getString("failure_reason"));
    }

    @Test
    void createAndAwaitRunningReturnsARunningDevboxWithEnvironmentAndMounts() {
        JsonObject d = http.postOk("/v1/devboxes/create_and_await_running", new JsonObject()
                .put("environment_variables", new JsonObject().put("GREETING", "hello"))
                .put("file_mounts", new JsonObject().put("/home/user/conf/app.txt", "mounted"))
                .put("mounts", new JsonArray().add(new JsonObject().put("type", "file_mount")
                        .put("target", "~/second.txt").put("content", "two"))));
        if (!"running".equals(d.getString("status"))) {
            d = http.awaitStatus(d.getString("id"), "running");
        }
        JsonObject out = http.exec(d.getString("id"), "echo $GREETING; cat conf/app.txt second.txt", null);
        assertEquals("hello\nmountedtwo", out.getString("stdout"));
    }

    @Test
    void listsWithStatusFilterAndCursorPagination() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(http.postOk("/v1/devboxes", new JsonObject().put("name", "page-" + i)).getString("id"));
        }
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            JsonObject page = http.getOk("/v1/devboxes?limit=2" + (after == null ? "" : "&starting_after=" + after));
            JsonArray items = page.getJsonArray("devboxes");
            assertTrue(items.size() <= 2);
            for (int i = 0; i < items.size(); i++) {
                assertTrue(seen.add(items.getJsonObject(i).getString("id")), "no item twice");
            }
            after = items.getJsonObject(items.size() - 1).getString("id");
            more = page.getBoolean("has_more");
            pages++;
            assertEquals(seen.size() + (more ? 1 : 0) > 0, true);
        }
        assertTrue(seen.containsAll(ids));
        assertTrue(pages >= 3);
        JsonObject shut = http.getOk("/v1/devboxes?status=shutdown&include_total_count=false");
        assertFalse(shut.containsKey("total_count"));
        shut.getJsonArray("devboxes").forEach(o -> assertEquals("shutdown", ((JsonObject) o).getString("status")));
        assertEquals(400, http.get("/v1/devboxes?limit=0").statusCode());
    }

    @Test
    void updateReplacesNameAndMetadataAndLogsRecordCommands() {
        String id = http.runningDevbox(new JsonObject()).getString("id");
        JsonObject u = http.postOk("/v1/devboxes/" + id, new JsonObject().put("name", "renamed")
                .put("metadata", new JsonObject().put("k", "v")));
        assertEquals("renamed", u.getString("name"));
        assertEquals("v", u.getJsonObject("metadata").getString("k"));
        JsonObject ex = http.exec(id, "echo logged", null);
        JsonArray logs = http.getOk("/v1/devboxes/" + id + "/logs?execution_id=" + ex.getString("execution_id"))
                .getJsonArray("logs");
        assertFalse(logs.isEmpty());
        assertEquals("exec", logs.getJsonObject(0).getString("source"));
    }
}
