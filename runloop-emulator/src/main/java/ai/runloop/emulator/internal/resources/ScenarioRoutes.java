package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.devbox.Devbox;
import ai.runloop.emulator.internal.devbox.DevboxLifecycle;
import ai.runloop.emulator.internal.exec.Execution;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Replies;
import ai.runloop.emulator.internal.util.Ids;
import ai.runloop.model.scenarios.ScenarioDefinitionListView;
import ai.runloop.model.scenarios.ScenarioRunListView;
import ai.runloop.model.scenarios.ScenarioRunView;
import ai.runloop.model.scenarios.ScenarioView;
import ai.runloop.model.scenarios.ScorerCreateResponse;
import ai.runloop.model.scenarios.ScorerListView;
import ai.runloop.model.scenarios.ScorerRetrieveResponse;
import ai.runloop.model.scenarios.ScorerUpdateResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Scenarios, their runs and custom scorers. start_run creates a devbox from the scenario's
 * environment; score runs every scoring function in that devbox as a real command: a
 * {@code bash_script_scorer} or custom scorer prints its score (0..1) as the last line of stdout, a
 * {@code command_scorer} or {@code test_based_scorer} scores 1 on exit 0 and 0 otherwise. The run's
 * score is the weighted mean.
 */
final class ScenarioRoutes implements Api {
    private final Backend b;
    private final DevboxLifecycle lifecycle;

    ScenarioRoutes(Backend backend, DevboxLifecycle lifecycle) {
        this.b = backend;
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(Router r) {
        Api.json(r, POST, "/v1/scenarios/scorers", ScorerCreateResponse.class, ctx -> scorer(Ids.next("scs"),
                Params.body(ctx, ai.runloop.model.scenarios.ScorerCreateParams.class)));
        Api.json(r, GET, "/v1/scenarios/scorers", ScorerListView.class, ctx -> Pages.page(ctx, b.store("scorer").list(s -> true),
                s -> s.getString("id"), "scorers", Views::pub));
        Api.json(r, GET, "/v1/scenarios/scorers/:sid", ScorerRetrieveResponse.class, ctx -> Views.pub(b.store("scorer").get(ctx.pathParam("sid"))));
        Api.json(r, POST, "/v1/scenarios/scorers/:sid", ScorerUpdateResponse.class, ctx -> scorer(b.store("scorer").get(ctx.pathParam("sid"))
                .getString("id"), Params.body(ctx, ai.runloop.model.scenarios.ScorerUpdateParams.class)));
        Api.json(r, GET, "/v1/scenarios/runs", ScenarioRunListView.class, ctx -> {
            String scenario = Params.query(ctx, "scenario_id");
            String state = Params.query(ctx, "state");
            String benchmarkRun = Params.query(ctx, "benchmark_run_id");
            return Pages.page(ctx, b.store("scenario_run").list(run -> Views.eq(scenario, run.getString("scenario_id"))
                    && Views.eq(state, run.getString("state")) && Views.eq(benchmarkRun, run.getString("benchmark_run_id"))),
                    run -> run.getString("id"), "runs", run -> Views.json(Views.scenarioRun(run)));
        });
        Api.json(r, GET, "/v1/scenarios/runs/:rid", ScenarioRunView.class, ctx -> Views.json(Views.scenarioRun(run(ctx))));
        Api.json(r, POST, "/v1/scenarios/runs/:rid/cancel", ScenarioRunView.class, ctx -> finish(run(ctx), "canceled"));
        Api.json(r, POST, "/v1/scenarios/runs/:rid/complete", ScenarioRunView.class, ctx -> finish(run(ctx), "completed"));
        Api.json(r, POST, "/v1/scenarios/runs/:rid/score", ScenarioRunView.class, ctx -> score(run(ctx)));
        Api.raw(r, POST, "/v1/scenarios/runs/:rid/download_logs", this::downloadLogs);
        Api.json(r, POST, "/v1/scenarios/start_run", ScenarioRunView.class, ctx -> startRun(Params.body(ctx)));
        Api.json(r, GET, "/v1/scenarios/list_public", ScenarioDefinitionListView.class, ctx -> listScenarios(ctx, true));
        Api.json(r, POST, "/v1/scenarios", ScenarioView.class, ctx -> {
            JsonObject body = Params.body(ctx, ai.runloop.model.scenarios.ScenarioCreateParams.class);
            Params.requiredString(body, "name");
            JsonObject input = Params.optObject(body, "input_context");
            if (input == null || input.getString("problem_statement") == null) {
                throw ApiException.badRequest("input_context", "input_context.problem_statement is required");
            }
            JsonObject contract = Params.optObject(body, "scoring_contract");
            if (contract == null || contract.getJsonArray("scoring_function_parameters") == null) {
                throw ApiException.badRequest("scoring_contract", "scoring_contract.scoring_function_parameters is required");
            }
            String id = Ids.next("scn");
            JsonObject s = body.copy().put("id", id).put("status", "active").put("is_public", false);
            s.put("metadata", body.getJsonObject("metadata", new JsonObject()));
            Object env = s.remove("environment_parameters");
            if (env != null) {
                s.put("environment", env);
            }
            b.store("scenario").put(id, s);
            return Views.pub(s);
        });
        Api.json(r, GET, "/v1/scenarios", ScenarioDefinitionListView.class, ctx -> listScenarios(ctx, false));
        Api.json(r, GET, "/v1/scenarios/:sid", ScenarioView.class, ctx -> Views.pub(b.store("scenario").get(ctx.pathParam("sid"))));
        Api.json(r, POST, "/v1/scenarios/:sid/archive", ScenarioView.class, ctx -> Views.pub(b.store("scenario").get(ctx.pathParam("sid"))
                .put("status", "archived")));
        Api.json(r, POST, "/v1/scenarios/:sid", ScenarioView.class, ctx -> {
            JsonObject s = b.store("scenario").get(ctx.pathParam("sid"));
            if ("archived".equals(s.getString("status"))) {
                throw ApiException.conflict("scenario is archived");
            }
            JsonObject body = Params.body(ctx, ai.runloop.model.scenarios.ScenarioUpdateParams.class);
            for (Map.Entry<String, Object> e : body) {
                if (e.getValue() != null) {
                    s.put("environment_parameters".equals(e.getKey()) ? "environment" : e.getKey(), e.getValue());
                }
            }
            return Views.pub(s);
        });
    }

    private JsonObject listScenarios(RoutingContext ctx, boolean publicOnly) {
        String name = Params.query(ctx, "name");
        String search = Params.query(ctx, "search");
        return Pages.page(ctx, b.store("scenario").list(s -> !"archived".equals(s.getString("status")) && Crud.isPublic(s) == publicOnly
                && Views.contains(name, s.getString("name"))
                && (search == null || Views.contains(search, s.getString("name")) || search.equals(s.getString("id")))),
                s -> s.getString("id"), "scenarios", Views::pub);
    }

    private JsonObject scorer(String id, JsonObject body) {
        JsonObject s = new JsonObject().put("id", id).put("type", Params.requiredString(body, "type"))
                .put("bash_script", Params.requiredString(body, "bash_script"));
        b.store("scorer").put(id, s);
        return s.copy();
    }

    private JsonObject startRun(JsonObject body) {
        JsonObject scenario = b.store("scenario").find(Params.requiredString(body, "scenario_id"));
        if (scenario == null) {
            throw ApiException.badRequest("scenario_id", "unknown scenario: " + body.getString("scenario_id"));
        }
        String benchmarkRun = Params.optString(body, "benchmark_run_id");
        if (benchmarkRun != null) {
            JsonObject run = b.store("benchmark_run").find(benchmarkRun);
            if (run == null) {
                throw ApiException.badRequest("benchmark_run_id", "unknown benchmark run: " + benchmarkRun);
            }
            if (!"running".equals(run.getString("state"))) {
                throw ApiException.conflict("benchmark run " + benchmarkRun + " is " + run.getString("state"));
            }
        }
        JsonObject env = scenario.getJsonObject("environment", new JsonObject());
        JsonObject create = new JsonObject();
        if (env.getString("blueprint_id") != null) {
            create.put("blueprint_id", env.getString("blueprint_id"));
        }
        if (env.getString("snapshot_id") != null) {
            create.put("snapshot_id", env.getString("snapshot_id"));
        }
        if (env.getJsonObject("launch_parameters") != null) {
            create.put("launch_parameters", env.getJsonObject("launch_parameters"));
        }
        JsonObject profile = body.getJsonObject("runProfile");
        if (profile != null && profile.getJsonObject("envVars") != null) {
            create.put("environment_variables", profile.getJsonObject("envVars"));
        }
        Devbox d = lifecycle.create(create);
        String id = Ids.next("scr");
        JsonObject run = new JsonObject().put("id", id).put("scenario_id", scenario.getString("id")).put("devbox_id", d.id())
                .put("state", "running").put("name", body.getString("run_name"))
                .put("metadata", body.getJsonObject("metadata", new JsonObject()))
                .put("benchmark_run_id", body.getString("benchmark_run_id")).put("start_time_ms", System.currentTimeMillis());
        b.store("scenario_run").put(id, run);
        return Views.json(Views.scenarioRun(run));
    }

    private JsonObject score(JsonObject run) {
        if (!"running".equals(run.getString("state"))) {
            throw ApiException.conflict("run " + run.getString("id") + " is " + run.getString("state"));
        }
        Devbox d = b.devboxes.get(run.getString("devbox_id"));
        DevboxLifecycle.requireStatus(d, "running", "score on");
        JsonObject scenario = b.store("scenario").get(run.getString("scenario_id"));
        JsonArray functions = scenario.getJsonObject("scoring_contract").getJsonArray("scoring_function_parameters");
        String workdir = scenario.getJsonObject("environment", new JsonObject()).getString("working_directory");
        run.put("state", "scoring");
        List<CompletableFuture<JsonObject>> results = new ArrayList<>();
        double totalWeight = 0;
        for (Object o : functions) {
            JsonObject f = (JsonObject) o;
            totalWeight += f.getDouble("weight", 1.0);
            results.add(runScorer(d, f, workdir));
        }
        double weights = totalWeight;
        CompletableFuture.allOf(results.toArray(new CompletableFuture[0])).whenComplete((v, t) -> {
            JsonArray out = new JsonArray();
            double score = 0;
            for (int i = 0; i < results.size(); i++) {
                JsonObject res = results.get(i).join();
                out.add(res);
                score += res.getDouble("score") * functions.getJsonObject(i).getDouble("weight", 1.0);
            }
            run.put("scoring_contract_result", new JsonObject().put("score", weights > 0 ? score / weights : 0)
                    .put("scoring_function_results", out));
            run.put("state", "scored");
        });
        return Views.json(Views.scenarioRun(run));
    }

    private CompletableFuture<JsonObject> runScorer(Devbox d, JsonObject f, String workdir) {
        JsonObject scorer = f.getJsonObject("scorer", new JsonObject());
        String type = scorer.getString("type", "");
        String name = f.getString("name", type);
        String command;
        boolean byExit = false;
        switch (type) {
            case "bash_script_scorer" -> command = scorer.getString("bash_script", "echo 0");
            case "command_scorer" -> {
                command = scorer.getString("command", "false");
                byExit = true;
            }
            case "test_based_scorer" -> {
                command = scorer.getString("test_command", "false");
                byExit = true;
            }
            case "custom_scorer" -> {
                String custom = scorer.getString("custom_scorer_type");
                command = b.store("scorer").list(s -> s.getString("type").equals(custom)).stream().findFirst()
                        .map(s -> s.getString("bash_script")).orElse("echo 0");
            }
            case "python_script_scorer" -> command = "python3 - <<'RUNLOOP_PY'\n" + scorer.getString("python_script", "") + "\nRUNLOOP_PY";
            default -> {
                return CompletableFuture.completedFuture(new JsonObject().put("scoring_function_name", name).put("score", 0.0)
                        .put("output", "scorer type not run by the emulator: " + type).put("state", "unscored"));
            }
        }
        String full = workdir == null ? command : "cd " + quote(workdir) + " && " + command;
        boolean exitScore = byExit;
        Execution ex = b.exec.start(d, full, null, false, null);
        return ex.done().thenApply(e -> {
            String stdout = e.stdout().text();
            double score;
            if (exitScore) {
                score = e.exitStatus() == 0 ? 1.0 : 0.0;
            } else {
                String[] lines = stdout.strip().split("\n");
                try {
                    score = Math.max(0, Math.min(1, Double.parseDouble(lines[lines.length - 1].trim())));
                } catch (NumberFormatException nfe) {
                    score = 0;
                }
            }
            return new JsonObject().put("scoring_function_name", name).put("score", score)
                    .put("output", stdout + e.stderr().text()).put("state", e.exitStatus() == 0 ? "complete" : "error");
        });
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private JsonObject finish(JsonObject run, String state) {
        run.put("state", state).put("duration_ms", System.currentTimeMillis() - run.getLong("start_time_ms"));
        Devbox d = b.devboxes.find(run.getString("devbox_id"));
        if (d != null) {
            lifecycle.shutdown(d, true, "api_shutdown");
        }
        return Views.json(Views.scenarioRun(run));
    }

    private void downloadLogs(RoutingContext ctx) {
        JsonObject run = run(ctx);
        Devbox d = b.devboxes.get(run.getString("devbox_id"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("devbox.log"));
            StringBuilder sb = new StringBuilder();
            for (Execution e : b.exec.ofDevbox(d.id())) {
                sb.append("$ ").append(e.command()).append('\n').append(e.stdout().text()).append(e.stderr().text());
            }
            z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new ApiException(500, "cannot build the log archive", null);
        }
        Replies.bytes(ctx, "application/zip", Buffer.buffer(zip.toByteArray()));
    }

    private JsonObject run(RoutingContext ctx) {
        return b.store("scenario_run").get(ctx.pathParam("rid"));
    }
}
