package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Wire conformance: drives every row of endpoints.tsv over plain HTTP with valid inputs (COMPOSITE rows
 * through the real calls they are made of) and checks each JSON answer against its response model of
 * models.tsv. One dynamic test per row; a row the scenario never called fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireConformanceTest {
    private final WireSpec spec = WireSpec.load();
    private final Map<String, List<String>> results = new LinkedHashMap<>();
    private RunloopEmulator emulator;
    private Http http;
    private final List<String> aborted = new ArrayList<>();

    @BeforeAll
    void runScenario() {
        emulator = RunloopEmulator.builder().statusDelay(Duration.ofMillis(10)).build().start();
        http = new Http(emulator);
        section("devboxes and configs", this::scenario);
        section("blueprints", this::blueprints);
        section("objects", this::objects);
        section("scenarios and benchmarks", this::scenariosAndBenchmarks);
        section("axons", this::axons);
        section("keys and pty", this::keysAndPty);
    }

    /** A part of the scenario; when it stops early the rows it did not reach report why. */
    private interface Section {
        void run() throws Exception;
    }

    private void section(String name, Section s) {
        try {
            s.run();
        } catch (Throwable t) {
            aborted.add(name + " stopped early: " + t);
        }
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersItsResponseModel() {
        return spec.endpoints.values().stream().map(e -> DynamicTest.dynamicTest(e.key() + " " + e.method() + " " + e.path(), () -> {
            List<String> errors = results.get(e.key());
            if (errors == null) {
                fail("row " + e.key() + " was not exercised by the conformance scenario"
                        + (aborted.isEmpty() ? "" : "; " + aborted));
            }
            assertTrue(errors.isEmpty(), () -> e.key() + " → " + e.response() + ":\n  " + String.join("\n  ", errors));
        }));
    }

    // ------------------------------------------------------------------ the scenario

    private void scenario() throws Exception {
        call("accounts.me", "GET", "/v1/accounts/me", null);

        // secrets (by name)
        call("secrets.create", "POST", "/v1/secrets", new JsonObject().put("name", "CONF_SECRET").put("value", "s3cr3t"));
        call("secrets.create", "POST", "/v1/secrets", new JsonObject().put("name", "CONF_GONE").put("value", "x"));
        call("secrets.retrieve", "GET", "/v1/secrets/CONF_SECRET", null);
        call("secrets.update", "POST", "/v1/secrets/CONF_SECRET", new JsonObject().put("value", "v2"));
        call("secrets.list", "GET", "/v1/secrets?limit=10", null);
        call("secrets.delete", "POST", "/v1/secrets/CONF_GONE/delete", null);

        // configs used by devbox tokens
        JsonObject auth = new JsonObject().put("type", "bearer");
        String gwc = call("gateway_configs.create", "POST", "/v1/gateway-configs", new JsonObject().put("name", "gw")
                .put("endpoint", "https://api.example.com").put("auth_mechanism", auth).put("description", "d")).getString("id");
        call("gateway_configs.retrieve", "GET", "/v1/gateway-configs/" + gwc, null);
        call("gateway_configs.update", "POST", "/v1/gateway-configs/" + gwc, new JsonObject().put("description", "d2")
                .put("custom_headers", new JsonArray().add(new JsonObject().put("name", "X-A").put("value", "1"))));
        call("gateway_configs.list", "GET", "/v1/gateway-configs?limit=5", null);
        String mcp = call("mcp_configs.create", "POST", "/v1/mcp-configs", new JsonObject().put("name", "mcp")
                .put("endpoint", "https://mcp.example.com").put("allowed_tools", new JsonArray().add("search"))).getString("id");
        call("mcp_configs.retrieve", "GET", "/v1/mcp-configs/" + mcp, null);
        call("mcp_configs.update", "POST", "/v1/mcp-configs/" + mcp, new JsonObject().put("allowed_tools", new JsonArray().add("a").add("b")));
        call("mcp_configs.list", "GET", "/v1/mcp-configs", null);
        String npo = call("network_policies.create", "POST", "/v1/network-policies", new JsonObject().put("name", "np")
                .put("allow_all", false).put("allowed_hostnames", new JsonArray().add("github.com"))
                .put("allowed_cidrs", new JsonArray().add(new JsonObject().put("cidr", "10.0.0.0/8")
                        .put("ports", new JsonArray().add(new JsonObject().put("port", 443).put("protocol", "TCP")))))).getString("id");
        call("network_policies.retrieve", "GET", "/v1/network-policies/" + npo, null);
        call("network_policies.update", "POST", "/v1/network-policies/" + npo, new JsonObject().put("allow_mcp_gateway", true).put("description", "x"));
        call("network_policies.list", "GET", "/v1/network-policies", null);

        // agents
        String agent = call("agents.create", "POST", "/v1/agents", new JsonObject().put("name", "conf-agent").put("version", "1.0")
                .put("source", new JsonObject().put("type", "git").put("git", new JsonObject().put("repository", "https://example.com/a.git"))))
                .getString("id");
        call("agents.retrieve", "GET", "/v1/agents/" + agent, null);
        call("agents.list", "GET", "/v1/agents?limit=10", null);
        call("agents.list_public", "GET", "/v1/agents/list_public", null);

        // devboxes
        JsonObject create = new JsonObject().put("name", "conf")
                .put("gateways", new JsonObject().put("GW", new JsonObject().put("gateway", gwc).put("secret", "CONF_SECRET")))
                .put("mcp", new JsonObject().put("MCP_TOKEN", new JsonObject().put("mcp_config", "mcp").put("secret", "CONF_SECRET"))).put("metadata", new JsonObject().put("k", "v"))
                .put("environment_variables", new JsonObject().put("A", "1")).put("secrets", new JsonObject().put("MY_SECRET", "CONF_SECRET"))
                .put("launch_parameters", new JsonObject().put("keep_alive_time_seconds", 3600))
                .put("mounts", new JsonArray().add(new JsonObject().put("type", "agent_mount").put("agent_id", agent).putNull("agent_name")));
        String dbx = call("devboxes.create", "POST", "/v1/devboxes", create).getString("id");
        call("devboxes.wait_for_status", "POST", "/v1/devboxes/" + dbx + "/wait_for_status",
                new JsonObject().put("statuses", new JsonArray().add("running")));
        JsonObject counts = call("agents.devbox_counts", "GET", "/v1/agents/devbox_counts", null);
        check("agents.devbox_counts", counts.getJsonObject("counts", new JsonObject()).getInteger("conf-agent", 0) == 1,
                "counts a running devbox with the agent mounted: " + counts);
        createAndAwaitRunning();
        JsonObject view = call("devboxes.retrieve", "GET", "/v1/devboxes/" + dbx, null);
        check("devboxes.retrieve", gwc.equals(view.getJsonObject("gateway_specs", new JsonObject()).getJsonObject("GW", new JsonObject())
                .getString("gateway_config_id")) && mcp.equals(view.getJsonObject("mcp_specs", new JsonObject())
                .getJsonObject("MCP_TOKEN", new JsonObject()).getString("mcp_config_id")), "gateway and MCP specs resolved: " + view);
        call("devboxes.update", "POST", "/v1/devboxes/" + dbx, new JsonObject().put("name", "renamed").put("metadata", new JsonObject().put("a", "b")));
        call("devboxes.list", "GET", "/v1/devboxes?limit=50", null);

        JsonObject ex = call("devboxes.execute", "POST", "/v1/devboxes/" + dbx + "/execute?last_n=10",
                new JsonObject().put("command", "echo out; echo err >&2").put("command_id", "0190c3c2-0000-7000-8000-000000000001"));
        String eid = ex.getString("execution_id");
        call("devboxes.executions.retrieve", "GET", "/v1/devboxes/" + dbx + "/executions/" + eid, null);
        call("devboxes.executions.wait_for_status", "POST", "/v1/devboxes/" + dbx + "/executions/" + eid + "/wait_for_status",
                new JsonObject().put("statuses", new JsonArray().add("completed")));
        call("devboxes.wait_for_command", "POST", "/v1/devboxes/" + dbx + "/executions/" + eid + "/wait_for_status?last_n=5",
                new JsonObject().put("statuses", new JsonArray().add("completed")));
        sse("devboxes.executions.stream_stdout_updates", "/v1/devboxes/" + dbx + "/executions/" + eid + "/stream_stdout_updates", 1, null);
        sse("devboxes.executions.stream_stderr_updates", "/v1/devboxes/" + dbx + "/executions/" + eid + "/stream_stderr_updates?offset=0", 1, null);
        String cat = call("devboxes.execute_async", "POST", "/v1/devboxes/" + dbx + "/execute_async",
                new JsonObject().put("command", "cat").put("attach_stdin", true)).getString("execution_id");
        call("devboxes.executions.send_std_in", "POST", "/v1/devboxes/" + dbx + "/executions/" + cat + "/send_std_in",
                new JsonObject().put("text", "hello\n"));
        call("devboxes.executions.send_std_in", "POST", "/v1/devboxes/" + dbx + "/executions/" + cat + "/send_std_in",
                new JsonObject().put("signal", "EOF"));
        String sleeper = call("devboxes.executions.execute_async", "POST", "/v1/devboxes/" + dbx + "/execute_async",
                new JsonObject().put("command", "sleep 30")).getString("execution_id");
        call("devboxes.executions.kill", "POST", "/v1/devboxes/" + dbx + "/executions/" + sleeper + "/kill", new JsonObject());
        call("devboxes.execute_sync", "POST", "/v1/devboxes/" + dbx + "/execute_sync", new JsonObject().put("command", "true"));
        call("devboxes.executions.execute_sync", "POST", "/v1/devboxes/" + dbx + "/execute_sync",
                new JsonObject().put("command", "exit 3").put("shell_name", "sh1"));

        call("devboxes.write_file_contents", "POST", "/v1/devboxes/" + dbx + "/write_file_contents",
                new JsonObject().put("file_path", "notes/a.txt").put("contents", "hello"));
        String text = raw("devboxes.read_file_contents", "POST", "/v1/devboxes/" + dbx + "/read_file_contents",
                new JsonObject().put("file_path", "notes/a.txt"));
        check("devboxes.read_file_contents", "hello".equals(text), "reads back the written text, got " + text);
        upload(dbx);
        String bytes = raw("devboxes.download_file", "POST", "/v1/devboxes/" + dbx + "/download_file", new JsonObject().put("path", "up.bin"));
        check("devboxes.download_file", "uploaded-bytes".equals(bytes), "downloads the uploaded bytes, got " + bytes);
        call("devboxes.logs.list", "GET", "/v1/devboxes/" + dbx + "/logs", null);
        call("devboxes.retrieve_resource_usage", "GET", "/v1/devboxes/" + dbx + "/usage", null);
        call("devboxes.keep_alive", "POST", "/v1/devboxes/" + dbx + "/keep_alive", null);
        call("devboxes.enable_tunnel", "POST", "/v1/devboxes/" + dbx + "/enable_tunnel", new JsonObject().put("auth_mode", "authenticated"));
        call("devboxes.retrieve", "GET", "/v1/devboxes/" + dbx, null);
        call("devboxes.remove_tunnel", "POST", "/v1/devboxes/" + dbx + "/remove_tunnel", null);
        call("devboxes.create_ssh_key", "POST", "/v1/devboxes/" + dbx + "/create_ssh_key", null);
        call("devboxes.create_pty_tunnel", "POST", "/v1/devboxes/" + dbx + "/create_pty_tunnel", null);
        call("devboxes.create_gateway_token", "POST", "/v1/devboxes/" + dbx + "/create_gateway_token",
                new JsonObject().put("gateway", gwc).put("secret", "CONF_SECRET"));
        call("devboxes.create_mcp_token", "POST", "/v1/devboxes/" + dbx + "/create_mcp_token",
                new JsonObject().put("mcp_config", mcp).put("secret", "CONF_SECRET"));

        // snapshots
        String snap = call("devboxes.snapshot_disk", "POST", "/v1/devboxes/" + dbx + "/snapshot_disk",
                new JsonObject().put("name", "s1").put("metadata", new JsonObject().put("t", "1"))).getString("id");
        String snap2 = call("devboxes.snapshot_disk_async", "POST", "/v1/devboxes/" + dbx + "/snapshot_disk_async", new JsonObject())
                .getString("id");
        JsonObject st = call("devboxes.disk_snapshots.query_status", "GET", "/v1/devboxes/disk_snapshots/" + snap + "/status", null);
        check("devboxes.disk_snapshots.query_status", "complete".equals(st.getString("status")), "sync snapshot is complete: " + st);
        call("devboxes.list_disk_snapshots", "GET", "/v1/devboxes/disk_snapshots?devbox_id=" + dbx, null);
        call("devboxes.disk_snapshots.list", "GET", "/v1/devboxes/disk_snapshots?metadata[t]=1", null);
        call("devboxes.disk_snapshots.update", "POST", "/v1/devboxes/disk_snapshots/" + snap,
                new JsonObject().put("name", "s1b").put("commit_message", "m").put("metadata", new JsonObject()));
        awaitSnapshot(snap2);
        call("devboxes.delete_disk_snapshot", "POST", "/v1/devboxes/disk_snapshots/" + snap2 + "/delete", null);
        call("devboxes.disk_snapshots.delete", "POST", "/v1/devboxes/disk_snapshots/" + snap + "/delete", null);

        // evictions: the stream opens, then an eviction triggered through the admin route arrives
        sse("devboxes.watch_evictions", "/v1/devboxes/evictions/watch", 1, () -> {
            var r = http.post("/_emulator/evictions", new JsonObject().put("devbox_id", dbx));
            assertEquals(200, r.statusCode(), r::body);
        });

        // suspend / resume / shutdown
        call("devboxes.suspend", "POST", "/v1/devboxes/" + dbx + "/suspend", null);
        call("devboxes.wait_for_status", "POST", "/v1/devboxes/" + dbx + "/wait_for_status",
                new JsonObject().put("statuses", new JsonArray().add("suspended")));
        call("devboxes.resume", "POST", "/v1/devboxes/" + dbx + "/resume", null);
        call("devboxes.wait_for_status", "POST", "/v1/devboxes/" + dbx + "/wait_for_status",
                new JsonObject().put("statuses", new JsonArray().add("running")));
        call("devboxes.shutdown", "POST", "/v1/devboxes/" + dbx + "/shutdown?force=true", null);
        call("devboxes.retrieve", "GET", "/v1/devboxes/" + dbx, null);

        call("agents.delete", "POST", "/v1/agents/" + agent + "/delete", null);
        call("network_policies.delete", "POST", "/v1/network-policies/" + npo + "/delete", null);
        call("gateway_configs.delete", "POST", "/v1/gateway-configs/" + gwc + "/delete", null);
        call("mcp_configs.delete", "POST", "/v1/mcp-configs/" + mcp + "/delete", null);
    }

    private void keysAndPty() {
        call("apikeys.create", "POST", "/v1/apikeys", new JsonObject().put("name", "ci"));
        call("restricted_keys.create", "POST", "/v1/restricted_keys", new JsonObject().put("name", "ro")
                .put("scopes", new JsonArray().add(new JsonObject().put("resource_type", "RESOURCE_TYPE_DEVBOXES")
                        .put("access_level", "ACCESS_LEVEL_READ"))));
        call("pty.connect", "GET", "/pty/conf-session?cols=80&rows=24", null);
        call("pty.control", "POST", "/pty/conf-session/control", new JsonObject().put("action", "resize").put("cols", 100).put("rows", 30));
    }

    private void createAndAwaitRunning() {
        // TS 1.32.0: POST create_and_await_running, then long-poll wait_for_status unless already running
        String key = "devboxes.create_and_await_running";
        JsonObject d = call(key, "POST", "/v1/devboxes/create_and_await_running", new JsonObject());
        for (int i = 0; i < 10 && !"running".equals(d.getString("status")); i++) {
            d = call(key, "POST", "/v1/devboxes/" + d.getString("id") + "/wait_for_status",
                    new JsonObject().put("statuses", new JsonArray().add("running").add("failure").add("shutdown")), true);
        }
        check(key, "running".equals(d.getString("status")), "ends running: " + d.getString("status"));
        JsonObject raw = call("devboxes.create_and_await_running_raw", "POST", "/v1/devboxes/create_and_await_running", null);
        call("devboxes.shutdown", "POST", "/v1/devboxes/" + raw.getString("id") + "/shutdown", null);
        call("devboxes.shutdown", "POST", "/v1/devboxes/" + d.getString("id") + "/shutdown", null);
    }

    private void blueprints() {
        call("blueprints.preview", "POST", "/v1/blueprints/preview", new JsonObject().put("name", "p")
                .put("system_setup_commands", new JsonArray().add("echo hi")));
        String key = "blueprints.create_and_await_build_complete";
        JsonObject bp = call(key, "POST", "/v1/blueprints", new JsonObject().put("name", "conf-bp")
                .put("system_setup_commands", new JsonArray().add("echo built > marker")).put("metadata", new JsonObject().put("a", "b")));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Set.of("queued", "provisioning", "building").contains(bp.getString("status")) && System.nanoTime() < deadline) {
            bp = call(key, "GET", "/v1/blueprints/" + bp.getString("id"), null, true);
        }
        check(key, "build_complete".equals(bp.getString("status")), "ends build_complete: " + bp.getString("status"));
        String id = call("blueprints.create", "POST", "/v1/blueprints", new JsonObject().put("name", "conf-bp2")
                .put("dockerfile", "FROM ubuntu")).getString("id");
        call("blueprints.retrieve", "GET", "/v1/blueprints/" + id, null);
        call("blueprints.list", "GET", "/v1/blueprints?limit=10", null);
        JsonObject pub = call("blueprints.list_public", "GET", "/v1/blueprints/list_public", null);
        checkPublic("blueprints.list_public", pub.getJsonArray("blueprints"));
        call("blueprints.logs", "GET", "/v1/blueprints/" + bp.getString("id") + "/logs", null);
        call("blueprints.delete", "POST", "/v1/blueprints/" + bp.getString("id") + "/delete", null);
    }

    private void objects() throws Exception {
        JsonObject o = call("objects.create", "POST", "/v1/objects", new JsonObject().put("name", "o.txt").put("content_type", "text")
                .put("metadata", new JsonObject().put("m", "1")));
        HttpResponse<String> put = http.client.send(HttpRequest.newBuilder(URI.create(o.getString("upload_url")))
                .PUT(HttpRequest.BodyPublishers.ofString("object body")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put::body);
        String id = o.getString("id");
        call("objects.complete", "POST", "/v1/objects/" + id + "/complete", null);
        call("objects.retrieve", "GET", "/v1/objects/" + id, null);
        call("objects.list", "GET", "/v1/objects?content_type=text", null);
        call("objects.download", "GET", "/v1/objects/" + id + "/download?duration_seconds=60", null);
        JsonObject pub = call("objects.list_public", "GET", "/v1/objects/list_public", null);
        checkPublic("objects.list_public", pub.getJsonArray("objects"));
        call("objects.delete", "POST", "/v1/objects/" + id + "/delete", null);
    }

    private void scenariosAndBenchmarks() {
        String scorer = call("scenarios.scorers.create", "POST", "/v1/scenarios/scorers",
                new JsonObject().put("type", "conf_scorer").put("bash_script", "echo 1")).getString("id");
        call("scenarios.scorers.retrieve", "GET", "/v1/scenarios/scorers/" + scorer, null);
        call("scenarios.scorers.update", "POST", "/v1/scenarios/scorers/" + scorer,
                new JsonObject().put("type", "conf_scorer").put("bash_script", "echo 0.5"));
        call("scenarios.scorers.list", "GET", "/v1/scenarios/scorers", null);
        JsonObject scn = new JsonObject().put("name", "conf-scn")
                .put("input_context", new JsonObject().put("problem_statement", "make it pass"))
                .put("scoring_contract", new JsonObject().put("scoring_function_parameters", new JsonArray()
                        .add(new JsonObject().put("name", "bash").put("weight", 1.0)
                                .put("scorer", new JsonObject().put("type", "bash_script_scorer").put("bash_script", "echo 1")))
                        .add(new JsonObject().put("name", "custom").put("weight", 1.0)
                                .put("scorer", new JsonObject().put("type", "custom_scorer").put("custom_scorer_type", "conf_scorer")))))
                .put("metadata", new JsonObject().put("x", "y"));
        String sid = call("scenarios.create", "POST", "/v1/scenarios", scn).getString("id");
        call("scenarios.retrieve", "GET", "/v1/scenarios/" + sid, null);
        call("scenarios.update", "POST", "/v1/scenarios/" + sid, new JsonObject().put("reference_output", "diff"));
        call("scenarios.list", "GET", "/v1/scenarios", null);
        JsonObject pub = call("scenarios.list_public", "GET", "/v1/scenarios/list_public", null);
        checkPublic("scenarios.list_public", pub.getJsonArray("scenarios"));
        JsonObject run = call("scenarios.start_run", "POST", "/v1/scenarios/start_run",
                new JsonObject().put("scenario_id", sid).put("run_name", "r1"));
        http.awaitStatus(run.getString("devbox_id"), "running");
        String rid = run.getString("id");
        call("scenarios.runs.retrieve", "GET", "/v1/scenarios/runs/" + rid, null);
        call("scenarios.runs.list", "GET", "/v1/scenarios/runs?scenario_id=" + sid, null);
        call("scenarios.runs.score", "POST", "/v1/scenarios/runs/" + rid + "/score", null);
        JsonObject scored = run;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"scored".equals(scored.getString("state")) && System.nanoTime() < deadline) {
            scored = call("scenarios.runs.retrieve", "GET", "/v1/scenarios/runs/" + rid, null);
        }
        check("scenarios.runs.score", "scored".equals(scored.getString("state")), "run ends scored: " + scored);
        call("scenarios.runs.complete", "POST", "/v1/scenarios/runs/" + rid + "/complete", null);
        raw("scenarios.runs.download_logs", "POST", "/v1/scenarios/runs/" + rid + "/download_logs", null);
        String rid2 = call("scenarios.start_run", "POST", "/v1/scenarios/start_run", new JsonObject().put("scenario_id", sid)).getString("id");
        call("scenarios.runs.cancel", "POST", "/v1/scenarios/runs/" + rid2 + "/cancel", null);

        String bm = call("benchmarks.create", "POST", "/v1/benchmarks", new JsonObject().put("name", "conf-bm")
                .put("scenario_ids", new JsonArray().add(sid)).put("description", "d")).getString("id");
        call("benchmarks.retrieve", "GET", "/v1/benchmarks/" + bm, null);
        call("benchmarks.update", "POST", "/v1/benchmarks/" + bm, new JsonObject().put("attribution", "me"));
        call("benchmarks.list", "GET", "/v1/benchmarks", null);
        call("benchmarks.definitions", "GET", "/v1/benchmarks/" + bm + "/definitions", null);
        JsonObject pubBm = call("benchmarks.list_public", "GET", "/v1/benchmarks/list_public", null);
        checkPublic("benchmarks.list_public", pubBm.getJsonArray("benchmarks"));
        call("benchmarks.update_scenarios", "POST", "/v1/benchmarks/" + bm + "/scenarios",
                new JsonObject().put("scenarios_to_add", new JsonArray().add(sid)));
        String bmr = call("benchmarks.start_run", "POST", "/v1/benchmarks/start_run",
                new JsonObject().put("benchmark_id", bm).put("run_name", "br")).getString("id");
        call("benchmark_runs.retrieve", "GET", "/v1/benchmark_runs/" + bmr, null);
        call("benchmark_runs.list", "GET", "/v1/benchmark_runs?benchmark_id=" + bm, null);
        call("benchmark_runs.list_scenario_runs", "GET", "/v1/benchmark_runs/" + bmr + "/scenario_runs", null);
        call("benchmark_runs.complete", "POST", "/v1/benchmark_runs/" + bmr + "/complete", null);
        String bmr2 = call("benchmarks.start_run", "POST", "/v1/benchmarks/start_run", new JsonObject().put("benchmark_id", bm)).getString("id");
        call("benchmark_runs.cancel", "POST", "/v1/benchmark_runs/" + bmr2 + "/cancel", null);
        String job = call("benchmark_jobs.create", "POST", "/v1/benchmark_jobs", new JsonObject().put("name", "job")
                .put("spec", new JsonObject().put("type", "scenarios").put("scenario_ids", new JsonArray().add(sid))
                        .put("agent_configs", new JsonArray().add(new JsonObject().put("type", "job_agent").put("name", "conf-agent")))))
                .getString("id");
        call("benchmark_jobs.retrieve", "GET", "/v1/benchmark_jobs/" + job, null);
        call("benchmark_jobs.list", "GET", "/v1/benchmark_jobs", null);
        call("scenarios.archive", "POST", "/v1/scenarios/" + sid + "/archive", null);
    }

    private void axons() throws Exception {
        String ax = call("axons.create", "POST", "/v1/axons", new JsonObject().put("name", "conf-axon")).getString("id");
        call("axons.retrieve", "GET", "/v1/axons/" + ax, null);
        call("axons.update", "POST", "/v1/axons/" + ax, new JsonObject().put("metadata", new JsonObject().put("a", "b")));
        call("axons.list", "GET", "/v1/axons", null);
        for (int i = 1; i <= 3; i++) {
            call("axons.publish", "POST", "/v1/axons/" + ax + "/publish", new JsonObject().put("event_type", "push")
                    .put("origin", "EXTERNAL_EVENT").put("payload", "{\"n\":" + i + "}").put("source", "github"));
        }
        call("axons.events.list", "GET", "/v1/axons/" + ax + "/events?limit=2", null);
        List<JsonObject> events = sse("axons.subscribe_sse", "/v1/axons/" + ax + "/subscribe/sse?after_sequence=1", 2, null);
        check("axons.subscribe_sse", events.size() == 2 && events.get(0).getLong("sequence", 0L) == 2,
                "resumes after sequence 1: " + events);
        call("axons.sql.batch", "POST", "/v1/axons/" + ax + "/sql/batch", new JsonObject().put("statements", new JsonArray()
                .add(new JsonObject().put("sql", "CREATE TABLE t (id INTEGER, name TEXT)"))
                .add(new JsonObject().put("sql", "INSERT INTO t (id, name) VALUES (?, ?)").put("params", new JsonArray().add(1).add("a")))));
        JsonObject q = call("axons.sql.query", "POST", "/v1/axons/" + ax + "/sql/query",
                new JsonObject().put("sql", "SELECT id, name FROM t WHERE id = ?").put("params", new JsonArray().add(1)));
        check("axons.sql.query", q.getJsonArray("rows", new JsonArray()).size() == 1, "finds the inserted row: " + q);
        call("axons.delete", "DELETE", "/v1/axons/" + ax, null);
    }

    private void upload(String dbx) throws Exception {
        String boundary = "conf" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\nup.bin\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"up.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nuploaded-bytes\r\n--" + boundary + "--\r\n";
        String key = "devboxes.upload_file";
        expectRow(key, "POST", "/v1/devboxes/" + dbx + "/upload_file");
        HttpResponse<String> r = http.send(http.request("/v1/devboxes/" + dbx + "/upload_file")
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        verify(key, r);
    }

    private void awaitSnapshot(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonObject st;
        do {
            st = call("devboxes.disk_snapshots.query_status", "GET", "/v1/devboxes/disk_snapshots/" + id + "/status", null);
        } while ("in_progress".equals(st.getString("status")) && System.nanoTime() < deadline);
    }

    // ------------------------------------------------------------------ calling and checking

    private JsonObject call(String key, String method, String path, JsonObject body) {
        return call(key, method, path, body, false);
    }

    /** @param composite true when the call is a later step of a COMPOSITE row (a path after its first) */
    private JsonObject call(String key, String method, String path, JsonObject body, boolean composite) {
        if (composite) {
            expectCompositeStep(key, path);
        } else {
            expectRow(key, method, path);
        }
        HttpRequest.Builder req = http.request(path);
        HttpRequest.BodyPublisher pub = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode());
        if (body != null) {
            req.header("content-type", "application/json");
        }
        HttpResponse<String> r = http.send(req.method(method, pub).build());
        return verify(key, r);
    }

    private JsonObject verify(String key, HttpResponse<String> r) {
        WireSpec.Endpoint e = spec.endpoints.get(key);
        List<String> errors = results.computeIfAbsent(key, k -> new ArrayList<>());
        if (r.statusCode() != 200) {
            errors.add(r.request().method() + " " + r.uri().getRawPath() + " answered " + r.statusCode() + ": " + r.body());
            throw new AssertionError(key + ": status " + r.statusCode() + " " + r.body());
        }
        JsonObject json;
        try {
            json = new JsonObject(r.body());
        } catch (DecodeException | ClassCastException ex) {
            errors.add("answer is not a JSON object: " + r.body());
            return new JsonObject();
        }
        if (!"object".equals(e.response())) {
            spec.checkModel(e.response(), json, "$", errors);
        }
        String type = r.headers().firstValue("content-type").orElse("");
        if (!type.startsWith("application/json")) {
            errors.add("content-type " + type + ", expected application/json");
        }
        return json;
    }

    private String raw(String key, String method, String path, JsonObject body) {
        expectRow(key, method, path);
        WireSpec.Endpoint e = spec.endpoints.get(key);
        List<String> errors = results.computeIfAbsent(key, k -> new ArrayList<>());
        HttpRequest.Builder req = http.request(path).header("content-type", "application/json");
        HttpResponse<String> r = http.send(req.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.encode())).build());
        if (r.statusCode() != 200) {
            errors.add("answered " + r.statusCode() + ": " + r.body());
            return r.body();
        }
        String type = r.headers().firstValue("content-type").orElse("");
        if ("text".equals(e.response()) && !type.startsWith("text/plain")) {
            errors.add("content-type " + type + ", expected text/plain");
        }
        if ("binary".equals(e.response()) && type.startsWith("application/json")) {
            errors.add("content-type " + type + " for a binary answer");
        }
        return r.body();
    }

    /** Reads {@code count} events of an SSE row (then closes), after running {@code trigger} once the stream is open. */
    private List<JsonObject> sse(String key, String path, int count, Runnable trigger) throws Exception {
        expectRow(key, "GET", path);
        WireSpec.Endpoint e = spec.endpoints.get(key);
        String model = e.response().substring(4, e.response().length() - 1);
        List<String> errors = results.computeIfAbsent(key, k -> new ArrayList<>());
        HttpResponse<InputStream> r = http.client.send(http.request(path).header("accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<JsonObject> events = new ArrayList<>();
        try (InputStream in = r.body(); BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (r.statusCode() != 200) {
                errors.add("answered " + r.statusCode());
                return events;
            }
            String type = r.headers().firstValue("content-type").orElse("");
            if (!type.startsWith("text/event-stream")) {
                errors.add("content-type " + type + ", expected text/event-stream");
            }
            if (trigger != null) {
                trigger.run();
            }
            String line;
            while (events.size() < count && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    JsonObject ev = new JsonObject(line.substring(5).trim());
                    spec.checkModel(model, ev, "$[" + events.size() + "]", errors);
                    events.add(ev);
                }
            }
        }
        if (events.size() < count) {
            errors.add("stream ended after " + events.size() + " of " + count + " events");
        }
        return events;
    }

    private void expectRow(String key, String method, String path) {
        WireSpec.Endpoint e = spec.endpoints.get(key);
        if (e == null) {
            throw new AssertionError("endpoints.tsv has no row " + key);
        }
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String rowMethod = "COMPOSITE".equals(e.method()) ? method : e.method();
        if (!rowMethod.equals(method) || !e.pathPattern().matcher(bare).matches()) {
            throw new AssertionError(key + " is " + e.method() + " " + e.path() + ", but the scenario called " + method + " " + bare);
        }
    }

    private void expectCompositeStep(String key, String path) {
        WireSpec.Endpoint e = spec.endpoints.get(key);
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (!"COMPOSITE".equals(e.method()) || e.pathPatterns().stream().noneMatch(p -> p.matcher(bare).matches())) {
            throw new AssertionError(key + " (" + e.path() + ") has no step " + bare);
        }
    }

    private void check(String key, boolean ok, String what) {
        if (!ok) {
            results.computeIfAbsent(key, k -> new ArrayList<>()).add("behaviour: " + what);
        }
    }

    private void checkPublic(String key, JsonArray items) {
        check(key, items != null && !items.isEmpty(), "lists public resources");
        if (items != null) {
            for (Object o : items) {
                check(key, Boolean.TRUE.equals(((JsonObject) o).getValue("is_public")) || !((JsonObject) o).containsKey("is_public"),
                        "only public items: " + o);
            }
        }
    }
}
