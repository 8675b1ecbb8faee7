package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.emulator.junit.RunloopEmulatorTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@RunloopEmulatorTest
class ResourcesTest {
    static Http http;

    @BeforeAll
    static void client(RunloopEmulator emulator) {
        http = new Http(emulator);
    }

    @Test
    void snapshotIsARealCopyAndSeedsANewDevbox() throws Exception {
        String id = http.runningDevbox(new JsonObject()).getString("id");
        http.exec(id, "echo before > state.txt", null);
        JsonObject snap = http.postOk("/v1/devboxes/" + id + "/snapshot_disk",
                new JsonObject().put("name", "s1").put("metadata", new JsonObject().put("team", "a")));
        http.exec(id, "echo after > state.txt", null);
        JsonObject status = http.getOk("/v1/devboxes/disk_snapshots/" + snap.getString("id") + "/status");
        assertEquals("complete", status.getString("status"));
        assertEquals(1, http.getOk("/v1/devboxes/disk_snapshots?metadata[team]=a&devbox_id=" + id)
                .getJsonArray("snapshots").size());
        String copy = http.runningDevbox(new JsonObject().put("snapshot_id", snap.getString("id"))).getString("id");
        assertEquals("before\n", http.exec(copy, "cat state.txt", null).getString("stdout"));
        JsonObject async = http.postOk("/v1/devboxes/" + id + "/snapshot_disk_async", new JsonObject());
        JsonObject done = Http.eventually(() -> http.getOk("/v1/devboxes/disk_snapshots/" + async.getString("id") + "/status"),
                s -> !"in_progress".equals(s.getString("status")));
        assertEquals("complete", done.getString("status"));
        http.postOk("/v1/devboxes/disk_snapshots/" + async.getString("id") + "/delete", null);
        assertEquals(404, http.get("/v1/devboxes/disk_snapshots/" + async.getString("id") + "/status").statusCode());
    }

    @Test
    void blueprintRunsSetupCommandsAndDevboxesStartFromItsTemplate() throws Exception {
        JsonObject bp = http.postOk("/v1/blueprints", new JsonObject().put("name", "tools")
                .put("system_setup_commands", new JsonArray().add("mkdir -p bin && echo built > bin/marker").add("echo step two")));
        JsonObject built = Http.eventually(() -> http.getOk("/v1/blueprints/" + bp.getString("id")),
                b -> !"queued".equals(b.getString("status")) && !"building".equals(b.getString("status")));
        assertEquals("build_complete", built.getString("status"));
        JsonArray logs = http.getOk("/v1/blueprints/" + bp.getString("id") + "/logs").getJsonArray("logs");
        assertTrue(logs.encode().contains("step two"), logs.encode());
        String dbx = http.runningDevbox(new JsonObject().put("blueprint_name", "tools")).getString("id");
        assertEquals("built\n", http.exec(dbx, "cat bin/marker", null).getString("stdout"));

        JsonObject broken = http.postOk("/v1/blueprints", new JsonObject().put("name", "broken")
                .put("system_setup_commands", new JsonArray().add("exit 7")));
        JsonObject failed = Http.eventually(() -> http.getOk("/v1/blueprints/" + broken.getString("id")),
                b -> "failed".equals(b.getString("status")) || "build_complete".equals(b.getString("status")));
        assertEquals("failed", failed.getString("status"));
        assertEquals("build_failed", failed.getString("failure_reason"));
        assertTrue(http.postOk("/v1/blueprints/preview", new JsonObject().put("name", "p")
                .put("system_setup_commands", new JsonArray().add("apt-get install -y jq"))).getString("dockerfile")
                .contains("RUN apt-get install -y jq"));
    }

    @Test
    void objectsUploadThroughPresignedUrlsAndMountAsArchives() throws Exception {
        Path dir = Files.createTempDirectory("tgz");
        Files.createDirectories(dir.resolve("src/pkg"));
        Files.writeString(dir.resolve("src/pkg/hello.txt"), "from archive");
        Path tgz = dir.resolve("a.tgz");
        Process tar = new ProcessBuilder("tar", "czf", tgz.toString(), "-C", dir.toString(), "src").start();
        assertEquals(0, tar.waitFor());

        JsonObject obj = http.postOk("/v1/objects", new JsonObject().put("name", "a.tgz").put("content_type", "tgz"));
        assertEquals("UPLOADING", obj.getString("state"));
        URI upload = URI.create(obj.getString("upload_url"));
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(upload.toString().replaceAll("signature=[0-9a-f]+", "signature=00")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build());
        assertEquals(403, forged.statusCode());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(upload).PUT(HttpRequest.BodyPublishers.ofFile(tgz)).build());
        assertEquals(200, put.statusCode());
        JsonObject done = http.postOk("/v1/objects/" + obj.getString("id") + "/complete", null);
        assertEquals("READ_ONLY", done.getString("state"));
        assertEquals(Files.size(tgz), done.getLong("size_bytes"));

        String url = http.getOk("/v1/objects/" + obj.getString("id") + "/download").getString("download_url");
        HttpResponse<byte[]> got = http.client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(Files.size(tgz), got.body().length);

        String dbx = http.runningDevbox(new JsonObject().put("mounts", new JsonArray().add(new JsonObject()
                .put("type", "object_mount").put("object_id", obj.getString("id")).put("object_path", "code")))).getString("id");
        assertEquals("from archive", http.exec(dbx, "cat code/src/pkg/hello.txt", null).getString("stdout"));

        assertEquals(1, http.getOk("/v1/objects?content_type=tgz&name=a.tgz").getJsonArray("objects").size());
        assertEquals("DELETED", http.postOk("/v1/objects/" + obj.getString("id") + "/delete", null).getString("state"));
        assertEquals(404, http.get("/v1/objects/" + obj.getString("id")).statusCode());
    }

    @Test
    void objectsExpireAfterTheirTtl() throws Exception {
        JsonObject obj = http.postOk("/v1/objects", new JsonObject().put("name", "short").put("content_type", "text")
                .put("ttl_ms", 1));
        Http.eventually(() -> http.get("/v1/objects/" + obj.getString("id")).statusCode(), s -> s == 404);
    }

    @Test
    void scenarioRunIsScoredByRealScorerScripts() throws Exception {
        http.postOk("/v1/scenarios/scorers", new JsonObject().put("type", "file_check")
                .put("bash_script", "test -f answer.txt && echo 1 || echo 0"));
        JsonObject scenario = http.postOk("/v1/scenarios", new JsonObject().put("name", "write answer")
                .put("input_context", new JsonObject().put("problem_statement", "write answer.txt"))
                .put("scoring_contract", new JsonObject().put("scoring_function_parameters", new JsonArray()
                        .add(new JsonObject().put("name", "bash").put("weight", 1.0).put("scorer", new JsonObject()
                                .put("type", "bash_script_scorer").put("bash_script", "grep -q 42 answer.txt && echo 1.0 || echo 0.0")))
                        .add(new JsonObject().put("name", "cmd").put("weight", 1.0).put("scorer", new JsonObject()
                                .put("type", "command_scorer").put("command", "test \"$(cat answer.txt)\" = 41")))
                        .add(new JsonObject().put("name", "custom").put("weight", 2.0).put("scorer", new JsonObject()
                                .put("type", "custom_scorer").put("custom_scorer_type", "file_check"))))));
        assertEquals("write answer", scenario.getString("name"));
        JsonObject run = http.postOk("/v1/scenarios/start_run", new JsonObject().put("scenario_id", scenario.getString("id")));
        http.awaitStatus(run.getString("devbox_id"), "running");
        http.exec(run.getString("devbox_id"), "echo 42 > answer.txt", null);
        http.postOk("/v1/scenarios/runs/" + run.getString("id") + "/score", null);
        JsonObject scored = Http.eventually(() -> http.getOk("/v1/scenarios/runs/" + run.getString("id")),
                r -> !"scoring".equals(r.getString("state")));
        assertEquals("scored", scored.getString("state"));
        JsonObject result = scored.getJsonObject("scoring_contract_result");
        assertEquals(0.75, result.getDouble("score"), 1e-9);
        assertEquals(3, result.getJsonArray("scoring_function_results").size());
        assertEquals("completed", http.postOk("/v1/scenarios/runs/" + run.getString("id") + "/complete", null).getString("state"));
    }

    @Test
    void secretsAreInjectedAsEnvironmentAndNeverReturned() {
        JsonObject s = http.postOk("/v1/secrets", new JsonObject().put("name", "API_TOKEN").put("value", "s3cr3t"));
        assertTrue(!s.encode().contains("s3cr3t"));
        String dbx = http.runningDevbox(new JsonObject().put("secrets", new JsonObject().put("TOKEN", "API_TOKEN"))).getString("id");
        assertEquals("s3cr3t\n", http.exec(dbx, "echo $TOKEN", null).getString("stdout"));
        assertEquals(400, http.post("/v1/devboxes", new JsonObject().put("secrets", new JsonObject().put("X", "nope"))).statusCode());
    }

    @Test
    void everyOtherResourceAnswers() {
        assertEquals("acc_emulator", http.getOk("/v1/accounts/me").getString("id"));
        JsonObject agent = http.postOk("/v1/agents", new JsonObject().put("name", "a1"));
        assertEquals("a1", http.getOk("/v1/agents/" + agent.getString("id")).getString("name"));
        JsonObject np = http.postOk("/v1/network-policies", new JsonObject().put("name", "np").put("allow_all", true));
        assertEquals(true, np.getJsonObject("egress").getBoolean("allow_all"));
        JsonObject bm = http.postOk("/v1/benchmarks", new JsonObject().put("name", "bm"));
        JsonObject bmr = http.postOk("/v1/benchmarks/start_run", new JsonObject().put("benchmark_id", bm.getString("id")));
        assertEquals("completed", http.postOk("/v1/benchmark_runs/" + bmr.getString("id") + "/complete", null).getString("state"));
        JsonObject axon = http.postOk("/v1/axons", new JsonObject().put("name", "ax"));
        http.postOk("/v1/axons/" + axon.getString("id") + "/publish", new JsonObject().put("event_type", "t")
                .put("origin", "USER_EVENT").put("payload", "{}").put("source", "test"));
        assertEquals(1, http.getOk("/v1/axons/" + axon.getString("id") + "/events").getJsonArray("events").size());
        assertNotEquals(null, http.postOk("/v1/apikeys", new JsonObject()).getString("key_secret"));
    }
}
