package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.devbox.Devbox;
import ai.runloop.emulator.internal.devbox.DevboxLifecycle;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Wire;
import ai.runloop.emulator.internal.util.Ids;
import ai.runloop.model.benchmarks.BenchmarkJobCreateParams;
import ai.runloop.model.benchmarks.BenchmarkJobListView;
import ai.runloop.model.benchmarks.BenchmarkJobView;
import ai.runloop.model.benchmarks.BenchmarkListView;
import ai.runloop.model.benchmarks.BenchmarkRunListView;
import ai.runloop.model.benchmarks.BenchmarkRunView;
import ai.runloop.model.benchmarks.BenchmarkView;
import ai.runloop.model.scenarios.ScenarioDefinitionListView;
import ai.runloop.model.scenarios.ScenarioRunListView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Benchmarks (sets of scenarios), benchmark runs and benchmark jobs.
 *
 * <p>A benchmark run is {@code running} from {@code start_run} until {@code complete} (its score is
 * the mean score of its scored scenario runs) or {@code cancel} (its unfinished scenario runs are
 * canceled and their devboxes shut down); either on a run that already ended is a 409. Scenario runs
 * join a benchmark run through {@code benchmark_run_id} at {@code scenarios/start_run}.
 *
 * <p>The emulator runs no agents, so a benchmark job only tracks state: it is {@code queued}, after
 * one status step {@code running} with one benchmark run per agent config (listed as
 * {@code in_progress_runs}), and once all of those runs ended, {@code completed} (or
 * {@code cancelled} when every run was canceled) with one outcome per run computed from its scenario
 * runs.
 */
final class BenchmarkRoutes implements Api {
    private final Backend b;
    private final DevboxLifecycle lifecycle;

    BenchmarkRoutes(Backend backend, DevboxLifecycle lifecycle) {
        this.b = backend;
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(Router r) {
        Api.json(r, GET, "/v1/benchmarks/:id/definitions", ScenarioDefinitionListView.class, ctx -> {
            JsonObject bm = b.store("benchmark").get(ctx.pathParam("id"));
            List<JsonObject> scenarios = new ArrayList<>();
            for (Object id : bm.getJsonArray("scenarioIds", new JsonArray())) {
                JsonObject s = b.store("scenario").find(String.valueOf(id));
                if (s != null) {
                    scenarios.add(s);
                }
            }
            return Pages.page(ctx, scenarios, s -> s.getString("id"), "scenarios", JsonObject::copy);
        });
        Api.json(r, POST, "/v1/benchmarks/start_run", BenchmarkRunView.class, ctx -> {
            JsonObject body = Params.body(ctx);
            String id = Params.requiredString(body, "benchmark_id");
            if (b.store("benchmark").find(id) == null) {
                throw ApiException.badRequest("benchmark_id", "unknown benchmark: " + id);
            }
            JsonObject profile = Params.optObject(body, "runProfile");
            return startRun(id, Params.optString(body, "run_name"), Params.stringMap(body, "metadata"), profile, null);
        });
        Crud benchmarks = new Crud(b, "/v1/benchmarks", "benchmark", "bmd", "benchmarks", BenchmarkView.class, BenchmarkListView.class)
                .params(ai.runloop.model.benchmarks.BenchmarkCreateParams.class, ai.runloop.model.benchmarks.BenchmarkUpdateParams.class);
        Api.json(r, POST, "/v1/benchmarks/:id/scenarios", BenchmarkView.class, ctx -> {
            JsonObject bm = benchmarks.owned(ctx);
            JsonObject body = Params.body(ctx);
            synchronized (bm) {
                JsonArray ids = bm.getJsonArray("scenarioIds").copy();
                for (String s : Params.stringList(body, "scenarios_to_add")) {
                    requireScenario(s, "scenarios_to_add");
                    if (!ids.contains(s)) {
                        ids.add(s);
                    }
                }
                Params.stringList(body, "scenarios_to_remove").forEach(ids::remove);
                return bm.put("scenarioIds", ids);
            }
        });
        benchmarks.register(r, (body, v) -> {
            v.remove("create_time_ms");
            v.put("name", Params.requiredString(body, "name")).put("status", "active").put("is_public", false)
                    .put("metadata", new JsonObject(new java.util.LinkedHashMap<>(Params.stringMap(body, "metadata"))))
                    .put("scenarioIds", new JsonArray()).put("required_environment_variables", new JsonArray())
                    .put("required_secret_names", new JsonArray());
            update(body, v);
        }, this::update, null, true, false);

        Api.json(r, GET, "/v1/benchmark_runs/:id/scenario_runs", ScenarioRunListView.class, ctx -> {
            String run = b.store("benchmark_run").get(ctx.pathParam("id")).getString("id");
            String state = Params.query(ctx, "state");
            return Pages.page(ctx, b.store("scenario_run").list(s -> run.equals(s.getString("benchmark_run_id"))
                    && Views.eq(state, s.getString("state"))), s -> s.getString("id"), "runs", s -> Views.json(Views.scenarioRun(s)));
        });
        Api.json(r, POST, "/v1/benchmark_runs/:id/cancel", BenchmarkRunView.class, ctx -> endRun(run(ctx), "canceled"));
        Api.json(r, POST, "/v1/benchmark_runs/:id/complete", BenchmarkRunView.class, ctx -> endRun(run(ctx), "completed"));
        Api.json(r, GET, "/v1/benchmark_runs", BenchmarkRunListView.class, ctx -> {
            String bm = Params.query(ctx, "benchmark_id");
            String state = Params.query(ctx, "state");
            String name = Params.query(ctx, "name");
            String search = Params.query(ctx, "search");
            return Pages.page(ctx, b.store("benchmark_run").list(run -> Views.eq(bm, run.getString("benchmark_id"))
                    && Views.eq(state, run.getString("state")) && Views.contains(name, run.getString("name"))
                    && (search == null || Views.contains(search, run.getString("name")) || search.equals(run.getString("id")))),
                    s -> s.getString("id"), "runs", JsonObject::copy);
        });
        Api.json(r, GET, "/v1/benchmark_runs/:id", BenchmarkRunView.class, this::run);

        Api.json(r, POST, "/v1/benchmark_jobs", BenchmarkJobView.class, ctx -> createJob(Params.body(ctx, BenchmarkJobCreateParams.class)));
        Api.json(r, GET, "/v1/benchmark_jobs", BenchmarkJobListView.class, ctx -> {
            String name = Params.query(ctx, "name");
            String search = Params.query(ctx, "search");
            return Pages.page(ctx, b.store("benchmark_job").list(j -> Views.contains(name, j.getString("name"))
                    && (search == null || Views.contains(search, j.getString("name")) || search.equals(j.getString("id")))),
                    j -> j.getString("id"), "jobs", this::jobView);
        });
        Api.json(r, GET, "/v1/benchmark_jobs/:id", BenchmarkJobView.class, ctx -> jobView(b.store("benchmark_job").get(ctx.pathParam("id"))));
    }

    /** BenchmarkUpdateParams: present values replace; empty strings, lists and maps clear. */
    private void update(JsonObject body, JsonObject v) {
        if (body.getValue("name") != null) {
            v.put("name", Params.requiredString(body, "name"));
        }
        for (String k : List.of("attribution", "description")) {
            if (body.getValue(k) != null) {
                String s = Params.optString(body, k);
                v.put(k, s.isEmpty() ? null : s);
            }
        }
        if (body.getValue("metadata") != null) {
            v.put("metadata", new JsonObject(new java.util.LinkedHashMap<>(Params.stringMap(body, "metadata"))));
        }
        for (String k : List.of("required_environment_variables", "required_secret_names")) {
            if (body.getValue(k) != null) {
                v.put(k, new JsonArray(Params.stringList(body, k)));
            }
        }
        if (body.getValue("scenario_ids") != null) {
            List<String> ids = Params.stringList(body, "scenario_ids");
            ids.forEach(s -> requireScenario(s, "scenario_ids"));
            v.put("scenarioIds", new JsonArray(ids));
        }
    }

    private void requireScenario(String id, String field) {
        if (b.store("scenario").find(id) == null) {
            throw ApiException.badRequest(field, "unknown scenario: " + id);
        }
    }

    private JsonObject startRun(String benchmarkId, String name, java.util.Map<String, String> metadata, JsonObject profile, String jobId) {
        String id = Ids.next("bmr");
        JsonObject run = new JsonObject().put("id", id).put("benchmark_id", benchmarkId).put("name", name)
                .put("metadata", new JsonObject(new java.util.LinkedHashMap<>(metadata))).put("state", "running")
                .put("start_time_ms", System.currentTimeMillis()).put("_job", jobId);
        if (profile != null) {
            run.put("environment_variables", profile.getJsonObject("envVars")).put("purpose", profile.getString("purpose"))
                    .put("secrets_provided", profile.getJsonObject("secrets"));
        }
        b.store("benchmark_run").put(id, run);
        return run;
    }

    private JsonObject run(RoutingContext ctx) {
        return b.store("benchmark_run").get(ctx.pathParam("id"));
    }

    private JsonObject endRun(JsonObject run, String state) {
        synchronized (run) {
            if (!"running".equals(run.getString("state"))) {
                throw ApiException.conflict("benchmark run " + run.getString("id") + " is " + run.getString("state"));
            }
            List<JsonObject> scenarioRuns = b.store("scenario_run").list(s -> run.getString("id").equals(s.getString("benchmark_run_id")));
            double sum = 0;
            int scored = 0;
            for (JsonObject s : scenarioRuns) {
                JsonObject result = s.getJsonObject("scoring_contract_result");
                if (result != null && result.getValue("score") instanceof Number n) {
                    sum += n.doubleValue();
                    scored++;
                }
                if ("canceled".equals(state) && Set.of("running", "scoring").contains(s.getString("state"))) {
                    s.put("state", "canceled").put("duration_ms", System.currentTimeMillis() - s.getLong("start_time_ms"));
                    Devbox d = b.devboxes.find(s.getString("devbox_id"));
                    if (d != null) {
                        lifecycle.shutdown(d, true, "api_shutdown");
                    }
                }
            }
            run.put("state", state).put("duration_ms", System.currentTimeMillis() - run.getLong("start_time_ms"));
            if (scored > 0) {
                run.put("score", sum / scored);
            }
            return run;
        }
    }

    private JsonObject createJob(JsonObject body) {
        String name = Params.optString(body, "name");
        JsonObject spec = Params.optObject(body, "spec");
        String id = Ids.next("bmj");
        JsonObject job = new JsonObject().put("id", id).put("create_time_ms", System.currentTimeMillis()).put("state", "queued");
        JsonArray agents = new JsonArray();
        String benchmarkId = null;
        if (spec != null) {
            Wire.read(new JsonObject().put("spec", spec), BenchmarkJobCreateParams.class, "spec");
            String type = Params.requiredString(spec, "type");
            switch (type) {
                case "scenarios" -> {
                    List<String> ids = Params.stringList(spec, "scenario_ids");
                    ids.forEach(s -> requireScenario(s, "spec.scenario_ids"));
                    job.put("job_source", new JsonObject().put("type", "scenarios").put("scenario_ids", new JsonArray(ids)));
                    job.put("job_spec", new JsonObject().put("scenario_ids", new JsonArray(ids)).put("agent_configs", agentConfigs(spec))
                            .put("orchestrator_config", spec.getJsonObject("orchestrator_config")));
                    name = name != null ? name : "scenarios-" + ids.size();
                }
                case "benchmark" -> {
                    benchmarkId = Params.requiredString(spec, "benchmark_id");
                    JsonObject bm = b.store("benchmark").find(benchmarkId);
                    if (bm == null) {
                        throw ApiException.badRequest("spec.benchmark_id", "unknown benchmark: " + benchmarkId);
                    }
                    job.put("job_source", new JsonObject().put("type", "benchmark").put("benchmark_id", benchmarkId)
                            .put("benchmark_name", bm.getString("name")));
                    job.put("job_spec", new JsonObject().put("scenario_ids", bm.getJsonArray("scenarioIds").copy())
                            .put("agent_configs", agentConfigs(spec)).put("orchestrator_config", spec.getJsonObject("orchestrator_config")));
                    name = name != null ? name : bm.getString("name");
                }
                case "harbor" -> {
                    job.put("job_source", new JsonObject().put("type", "harbor").put("inline_yaml", Params.requiredString(spec, "inline_yaml")));
                    name = name != null ? name : "harbor-job";
                }
                default -> throw ApiException.badRequest("spec.type", "spec.type must be harbor, benchmark or scenarios");
            }
            JsonObject jobSpec = job.getJsonObject("job_spec");
            if (jobSpec != null) {
                agents = jobSpec.getJsonArray("agent_configs");
            }
        }
        job.put("name", name != null ? name : "job-" + id);
        b.store("benchmark_job").put(id, job);
        JsonArray agentList = agents.isEmpty() ? new JsonArray().add(new JsonObject().put("type", "job_agent").put("name", "agent")) : agents;
        String bm = benchmarkId;
        b.vertx.setTimer(Math.max(1, b.config.statusDelay().toMillis()), t -> {
            synchronized (job) {
                JsonArray runs = new JsonArray();
                for (Object o : agentList) {
                    JsonObject agent = (JsonObject) o;
                    JsonObject run = startRun(bm, job.getString("name") + "/" + agent.getString("name"), java.util.Map.of(), null, id);
                    runs.add(new JsonObject().put("run", run.getString("id")).put("agent", agent.copy()));
                }
                job.put("state", "running").put("_runs", runs);
            }
        });
        return jobView(job);
    }

    private static JsonArray agentConfigs(JsonObject spec) {
        JsonArray in = Params.optArray(spec, "agent_configs");
        if (in == null) {
            throw ApiException.badRequest("spec.agent_configs", "spec.agent_configs is required");
        }
        return in.copy();
    }

    /** The job's view; running jobs finish here once all their benchmark runs ended. */
    private JsonObject jobView(JsonObject job) {
        synchronized (job) {
            JsonArray runs = job.getJsonArray("_runs");
            if (runs == null) {
                return job.copy();
            }
            JsonArray inProgress = new JsonArray();
            JsonArray outcomes = new JsonArray();
            boolean allEnded = true;
            boolean allCanceled = true;
            for (Object o : runs) {
                JsonObject ref = (JsonObject) o;
                JsonObject run = b.store("benchmark_run").find(ref.getString("run"));
                if (run == null) {
                    continue;
                }
                JsonObject agent = ref.getJsonObject("agent");
                String state = run.getString("state");
                allEnded &= !"running".equals(state);
                allCanceled &= "canceled".equals(state);
                if ("running".equals(state)) {
                    inProgress.add(new JsonObject().put("benchmark_run_id", run.getString("id")).put("start_time_ms", run.getLong("start_time_ms"))
                            .put("state", state).put("agent_config", agent.copy()).put("duration_ms", run.getLong("duration_ms")));
                } else {
                    outcomes.add(outcome(run, agent));
                }
            }
            if (allEnded && !runs.isEmpty() && "running".equals(job.getString("state"))) {
                job.put("state", allCanceled ? "cancelled" : "completed");
            }
            JsonObject view = job.copy();
            view.put("in_progress_runs", inProgress).put("benchmark_outcomes", outcomes);
            return view;
        }
    }

    private JsonObject outcome(JsonObject run, JsonObject agent) {
        JsonArray scenarios = new JsonArray();
        int completed = 0;
        int failed = 0;
        int timeout = 0;
        for (JsonObject s : b.store("scenario_run").list(s -> run.getString("id").equals(s.getString("benchmark_run_id")))) {
            String state = switch (s.getString("state")) {
                case "scored", "completed" -> "COMPLETED";
                case "timeout" -> "TIMEOUT";
                case "failed" -> "FAILED";
                default -> "CANCELED";
            };
            completed += "COMPLETED".equals(state) ? 1 : 0;
            failed += "FAILED".equals(state) ? 1 : 0;
            timeout += "TIMEOUT".equals(state) ? 1 : 0;
            JsonObject scenario = b.store("scenario").find(s.getString("scenario_id"));
            JsonObject result = s.getJsonObject("scoring_contract_result");
            scenarios.add(new JsonObject().put("scenario_definition_id", s.getString("scenario_id"))
                    .put("scenario_name", scenario == null ? s.getString("scenario_id") : scenario.getString("name"))
                    .put("scenario_run_id", s.getString("id")).put("state", state).put("duration_ms", s.getLong("duration_ms"))
                    .put("score", result == null ? null : result.getValue("score")));
        }
        return new JsonObject().put("agent_name", agent.getString("name")).put("model_name", agent.getString("model_name"))
                .put("benchmark_run_id", run.getString("id")).put("n_completed", completed).put("n_failed", failed)
                .put("n_timeout", timeout).put("scenario_outcomes", scenarios).put("average_score", run.getValue("score"))
                .put("duration_ms", run.getLong("duration_ms"));
    }
}
