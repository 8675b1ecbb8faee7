package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.emulator.junit.RunloopEmulatorTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behaviour of agents, the public catalog, benchmark runs and jobs, and axons (SSE and SQL) over plain HTTP. */
@RunloopEmulatorTest(statusDelayMillis = 10)
class SecondaryResourcesTest {
    static Http http;

    @BeforeAll
    static void client(RunloopEmulator emulator) {
        http = new Http(emulator);
    }

    @Test
    void agentDevboxCountsFollowRunningDevboxes() {
        String agent = http.postOk("/v1/agents", new JsonObject().put("name", "counted")).getString("id");
        JsonObject mount = new JsonObject().put("type", "agent_mount").put("agent_id", agent).putNull("agent_name");
        String a = http.runningDevbox(new JsonObject().put("mounts", new JsonArray().add(mount))).getString("id");
        http.runningDevbox(new JsonObject().put("mounts", new JsonArray().add(mount.copy())));
        assertEquals(2, http.getOk("/v1/agents/devbox_counts").getJsonObject("counts").getInteger("counted"));
        http.postOk("/v1/devboxes/" + a + "/shutdown", null);
        JsonObject counts = http.getOk("/v1/agents/devbox_counts");
        assertEquals(1, counts.getJsonObject("counts").getInteger("counted"));
        assertTrue(counts.getInteger("total_count") >= 1);
        assertEquals(400, http.post("/v1/devboxes", new JsonObject().put("mounts", new JsonArray()
                .add(new JsonObject().put("type", "agent_mount").put("agent_id", "agt_nope")))).statusCode());
    }

    @Test
    void publicCatalogIsListedOnlyByListPublicAndCannotBeChanged() {
        JsonArray pub = http.getOk("/v1/agents/list_public").getJsonArray("agents");
        assertFalse(pub.isEmpty());
        String id = pub.getJsonObject(0).getString("id");
        assertTrue(http.getOk("/v1/agents?limit=100").getJsonArray("agents").stream()
                .noneMatch(a -> id.equals(((JsonObject) a).getString("id"))));
        assertEquals(id, http.getOk("/v1/agents/" + id).getString("id"));
        assertEquals(403, http.post("/v1/agents/" + id + "/delete", null).statusCode());
        String blueprint = http.getOk("/v1/blueprints/list_public").getJsonArray("blueprints").getJsonObject(0).getString("id");
        http.runningDevbox(new JsonObject().put("blueprint_id", blueprint));
        String obj = http.getOk("/v1/objects/list_public").getJsonArray("objects").getJsonObject(0).getString("id");
        String url = http.getOk("/v1/objects/" + obj + "/download").getString("download_url");
        assertTrue(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build()).body().contains("public object"));
    }

    @Test
    void benchmarkRunsEndOnceAndJobsFollowTheirRuns() throws Exception {
        JsonObject scn = new JsonObject().put("name", "bm-scn").put("input_context", new JsonObject().put("problem_statement", "p"))
                .put("scoring_contract", new JsonObject().put("scoring_function_parameters", new JsonArray()
                        .add(new JsonObject().put("name", "one").put("weight", 1.0)
                                .put("scorer", new JsonObject().put("type", "bash_script_scorer").put("bash_script", "echo 0.5")))));
        String sid = http.postOk("/v1/scenarios", scn).getString("id");
        String bm = http.postOk("/v1/benchmarks", new JsonObject().put("name", "bm").put("scenario_ids", new JsonArray().add(sid)))
                .getString("id");
        String run = http.postOk("/v1/benchmarks/start_run", new JsonObject().put("benchmark_id", bm)).getString("id");
        JsonObject sr = http.postOk("/v1/scenarios/start_run", new JsonObject().put("scenario_id", sid).put("benchmark_run_id", run));
        http.awaitStatus(sr.getString("devbox_id"), "running");
        http.postOk("/v1/scenarios/runs/" + sr.getString("id") + "/score", null);
        Http.eventuallyOk(() -> "scored".equals(http.getOk("/v1/scenarios/runs/" + sr.getString("id")).getString("state")));
        JsonObject done = http.postOk("/v1/benchmark_runs/" + run + "/complete", null);
        assertEquals("completed", done.getString("state"));
        assertEquals(0.5, done.getDouble("score"), 1e-9);
        assertEquals(409, http.post("/v1/benchmark_runs/" + run + "/cancel", null).statusCode());
        assertEquals(409, http.post("/v1/scenarios/start_run", new JsonObject().put("scenario_id", sid).put("benchmark_run_id", run))
                .statusCode());

        JsonObject job = http.postOk("/v1/benchmark_jobs", new JsonObject().put("spec", new JsonObject().put("type", "benchmark")
                .put("benchmark_id", bm).put("agent_configs", new JsonArray().add(new JsonObject().put("type", "job_agent").put("name", "a1")))));
        assertEquals("queued", job.getString("state"));
        JsonObject running = Http.eventuallyGet(() -> http.getOk("/v1/benchmark_jobs/" + job.getString("id")),
                j -> "running".equals(j.getString("state")));
        String jobRun = running.getJsonArray("in_progress_runs").getJsonObject(0).getString("benchmark_run_id");
        http.postOk("/v1/benchmark_runs/" + jobRun + "/cancel", null);
        JsonObject ended = http.getOk("/v1/benchmark_jobs/" + job.getString("id"));
        assertEquals("cancelled", ended.getString("state"));
        assertEquals(jobRun, ended.getJsonArray("benchmark_outcomes").getJsonObject(0).getString("benchmark_run_id"));
    }

    @Test
    void axonSubscriptionStaysOpenAndResumesAfterASequence() throws Exception {
        String ax = http.postOk("/v1/axons", new JsonObject().put("name", "live")).getString("id");
        publish(ax, 1);
        HttpResponse<InputStream> r = http.client.send(http.request("/v1/axons/" + ax + "/subscribe/sse?after_sequence=1").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            publish(ax, 2);
            publish(ax, 3);
            JsonObject first = nextEvent(lines);
            JsonObject second = nextEvent(lines);
            assertEquals(2L, first.getLong("sequence"));
            assertEquals(3L, second.getLong("sequence"));
            assertEquals("{\"n\":3}", second.getString("payload"));
        }
        JsonObject page = http.getOk("/v1/axons/" + ax + "/events?limit=2");
        assertEquals(1L, page.getJsonArray("events").getJsonObject(0).getLong("sequence"));
        assertTrue(page.getBoolean("has_more"));
        assertEquals(3L, http.getOk("/v1/axons/" + ax + "/events?starting_after=2").getJsonArray("events").getJsonObject(0).getLong("sequence"));
    }

    @Test
    void axonSqlRunsRealStatementsAndRejectsWhatItCannot() {
        String ax = http.postOk("/v1/axons", new JsonObject()).getString("id");
        String sql = "/v1/axons/" + ax + "/sql/";
        http.postOk(sql + "query", new JsonObject().put("sql", "CREATE TABLE kv (k TEXT, v INTEGER)"));
        JsonObject ins = http.postOk(sql + "query", new JsonObject().put("sql", "INSERT INTO kv (k, v) VALUES (?, ?), ('b', 2)")
                .put("params", new JsonArray().add("a").add(1)));
        assertEquals(2, ins.getJsonObject("meta").getInteger("changes"));
        JsonObject batch = http.postOk(sql + "batch", new JsonObject().put("statements", new JsonArray()
                .add(new JsonObject().put("sql", "UPDATE kv SET v = 10 WHERE k = 'a'"))
                .add(new JsonObject().put("sql", "INSERT INTO nope VALUES (1)"))));
        assertTrue(batch.getJsonArray("results").getJsonObject(0).containsKey("success"));
        assertTrue(batch.getJsonArray("results").getJsonObject(1).getJsonObject("error").getString("message").contains("nope"));
        JsonObject sel = http.postOk(sql + "query", new JsonObject().put("sql", "SELECT k, v FROM kv WHERE v >= ? ORDER BY k DESC")
                .put("params", new JsonArray().add(1)));
        assertEquals(new JsonArray().add(new JsonArray().add("b").add(2)).add(new JsonArray().add("a").add(1)), sel.getJsonArray("rows"),
                "the failed batch was rolled back");
        assertEquals("INTEGER", sel.getJsonArray("columns").getJsonObject(1).getString("type"));
        HttpResponse<String> bad = http.post(sql + "query", new JsonObject().put("sql", "SELECT * FROM kv JOIN other"));
        assertEquals(400, bad.statusCode());
        assertEquals("sql", new JsonObject(bad.body()).getString("param"));
    }

    @Test
    void badlyTypedBodiesAre400sNamingTheFieldAndAreNeverStored() {
        HttpResponse<String> r = http.post("/v1/scenarios", new JsonObject().put("name", "typed")
                .put("input_context", new JsonObject().put("problem_statement", "p"))
                .put("scoring_contract", new JsonObject().put("scoring_function_parameters", new JsonArray()))
                .put("scorer_timeout_sec", "soon"));
        assertEquals(400, r.statusCode(), r::body);
        assertEquals("scorer_timeout_sec", new JsonObject(r.body()).getString("param"));
        r = http.post("/v1/blueprints", new JsonObject().put("name", "typed")
                .put("launch_parameters", new JsonObject().put("keep_alive_time_seconds", "long")));
        assertEquals(400, r.statusCode(), r::body);
        assertEquals("launch_parameters.keep_alive_time_seconds", new JsonObject(r.body()).getString("param"));
        assertEquals(200, http.get("/v1/scenarios").statusCode());
        assertEquals(200, http.get("/v1/blueprints").statusCode());
    }

    private static void publish(String axon, int n) {
        http.postOk("/v1/axons/" + axon + "/publish", new JsonObject().put("event_type", "push").put("origin", "EXTERNAL_EVENT")
                .put("payload", "{\"n\":" + n + "}").put("source", "test"));
    }

    private static JsonObject nextEvent(BufferedReader lines) throws Exception {
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("data:")) {
                return new JsonObject(line.substring(5).trim());
            }
        }
        throw new AssertionError("stream ended");
    }
}
