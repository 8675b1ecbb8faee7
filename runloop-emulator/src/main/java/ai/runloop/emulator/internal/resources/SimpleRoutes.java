package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.util.Ids;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Resources that only store what they are given and answer with plausible values: secrets (by
 * name; values never returned), agents, benchmarks and their runs and jobs, network policies,
 * gateway and MCP configs, axons, account, API keys, PTY sessions.
 */
final class SimpleRoutes implements Api {
    private final Backend b;

    SimpleRoutes(Backend backend) {
        this.b = backend;
    }

    @Override
    public void register(Router r) {
        secrets(r);
        Api.json(r, GET, "/v1/accounts/me", ctx -> new JsonObject().put("id", "acc_emulator").put("name", "Local emulator")
                .put("account_status", "ACCOUNT_STATUS_ENABLED").put("tier", "ACCOUNT_TIER_PRO").put("created_at", "2026-01-01T00:00:00Z")
                .put("billing", new JsonObject().put("account_billing_type", "STRIPE")));
        Api.json(r, GET, "/v1/agents/devbox_counts", ctx -> new JsonObject().put("counts", new JsonObject()));
        crud(r, "/v1/agents", "agent", "agt", "agents", (body, v) -> {
            Params.requiredString(body, "name");
            v.put("is_public", false);
        });
        Api.json(r, GET, "/v1/benchmarks/:id/definitions", ctx -> {
            JsonObject bm = b.store("benchmark").get(ctx.pathParam("id"));
            List<JsonObject> scenarios = bm.getJsonArray("scenarioIds", new JsonArray()).stream()
                    .map(id -> b.store("scenario").find(String.valueOf(id))).filter(s -> s != null).toList();
            return Pages.page(ctx, scenarios, s -> s.getString("id"), "scenarios", Views::pub);
        });
        Api.json(r, POST, "/v1/benchmarks/start_run", ctx -> {
            JsonObject body = Params.body(ctx);
            b.store("benchmark").get(Params.requiredString(body, "benchmark_id"));
            String id = Ids.next("bmr");
            JsonObject run = new JsonObject().put("id", id).put("benchmark_id", body.getString("benchmark_id"))
                    .put("name", body.getString("run_name")).put("metadata", body.getJsonObject("metadata", new JsonObject()))
                    .put("state", "running").put("start_time_ms", System.currentTimeMillis());
            b.store("benchmark_run").put(id, run);
            return run.copy();
        });
        Api.json(r, POST, "/v1/benchmarks/:id/scenarios", ctx -> {
            JsonObject bm = b.store("benchmark").get(ctx.pathParam("id"));
            JsonObject body = Params.body(ctx);
            JsonArray ids = bm.getJsonArray("scenarioIds", new JsonArray()).copy();
            Params.stringList(body, "scenarios_to_add").forEach(s -> {
                if (!ids.contains(s)) {
                    ids.add(s);
                }
            });
            Params.stringList(body, "scenarios_to_remove").forEach(ids::remove);
            bm.put("scenarioIds", ids);
            return bm.copy();
        });
        crud(r, "/v1/benchmarks", "benchmark", "bmd", "benchmarks", (body, v) -> {
            Params.requiredString(body, "name");
            v.put("scenarioIds", new JsonArray(Params.stringList(body, "scenario_ids"))).put("status", "active")
                    .put("is_public", false).remove("scenario_ids");
        });
        Api.json(r, GET, "/v1/benchmark_runs/:id/scenario_runs", ctx -> Pages.page(ctx, b.store("scenario_run")
                .list(s -> ctx.pathParam("id").equals(s.getString("benchmark_run_id"))), s -> s.getString("id"), "runs", Views::pub));
        Api.json(r, POST, "/v1/benchmark_runs/:id/cancel", ctx -> endRun(ctx, "canceled"));
        Api.json(r, POST, "/v1/benchmark_runs/:id/complete", ctx -> endRun(ctx, "completed"));
        Api.json(r, GET, "/v1/benchmark_runs", ctx -> Pages.page(ctx, b.store("benchmark_run").list(run ->
                Views.eq(Params.query(ctx, "benchmark_id"), run.getString("benchmark_id"))
                        && Views.eq(Params.query(ctx, "state"), run.getString("state"))), s -> s.getString("id"), "runs", Views::pub));
        Api.json(r, GET, "/v1/benchmark_runs/:id", ctx -> b.store("benchmark_run").get(ctx.pathParam("id")).copy());
        crud(r, "/v1/benchmark_jobs", "benchmark_job", "bmj", "jobs", (body, v) -> v.put("state", "queued"));
        crud(r, "/v1/network-policies", "network_policy", "npo", "network_policies", (body, v) -> {
            Params.requiredString(body, "name");
            JsonObject egress = new JsonObject();
            for (String k : List.of("allow_agent_gateway", "allow_all", "allow_devbox_to_devbox", "allow_mcp_gateway",
                    "allow_runloop_mirrors")) {
                egress.put(k, Params.optBool(body, k, false));
                v.remove(k);
            }
            egress.put("allowed_cidrs", body.getJsonArray("allowed_cidrs", new JsonArray()));
            egress.put("allowed_hostnames", body.getJsonArray("allowed_hostnames", new JsonArray()));
            v.remove("allowed_cidrs");
            v.remove("allowed_hostnames");
            v.put("egress", egress).put("update_time_ms", System.currentTimeMillis());
        });
        crud(r, "/v1/gateway-configs", "gateway_config", "gwc", "gateway_configs", (body, v) -> {
            Params.requiredString(body, "name");
            Params.requiredString(body, "endpoint");
            if (Params.optObject(body, "auth_mechanism") == null) {
                throw ApiException.badRequest("auth_mechanism", "auth_mechanism is required");
            }
        });
        crud(r, "/v1/mcp-configs", "mcp_config", "mcp", "mcp_configs", (body, v) -> {
            Params.requiredString(body, "name");
            Params.requiredString(body, "endpoint");
            v.put("allowed_tools", new JsonArray(Params.stringList(body, "allowed_tools")));
            v.put("auth_mechanism", body.getJsonObject("auth_mechanism", new JsonObject().put("type", "none")));
        });
        axons(r);
        Api.json(r, POST, "/v1/apikeys", ctx -> key(Params.body(ctx)));
        Api.json(r, POST, "/v1/restricted_keys", ctx -> key(Params.body(ctx)).put("scopes",
                Params.body(ctx).getJsonArray("scopes", new JsonArray())));
        Api.json(r, GET, "/pty/:name", ctx -> new JsonObject().put("session_name", ctx.pathParam("name"))
                .put("connect_url", "/pty/" + ctx.pathParam("name") + "/ws").put("idle_ttl_seconds", 3600));
        Api.json(r, POST, "/pty/:name/control", ctx -> new JsonObject().put("success", true)
                .put("action", Params.body(ctx).getString("action", "resize")));
    }

    private JsonObject key(JsonObject body) {
        return new JsonObject().put("id", Ids.next("key")).put("name", body.getString("name"))
                .put("key", "ak_" + Ids.random(40)).put("expires_at_ms", body.getLong("expires_at_ms"))
                .put("create_time_ms", System.currentTimeMillis());
    }

    private JsonObject endRun(RoutingContext ctx, String state) {
        JsonObject run = b.store("benchmark_run").get(ctx.pathParam("id"));
        run.put("state", state).put("duration_ms", System.currentTimeMillis() - run.getLong("start_time_ms"));
        return run.copy();
    }

    private void secrets(Router r) {
        Api.json(r, POST, "/v1/secrets", ctx -> {
            JsonObject body = Params.body(ctx);
            String name = Params.requiredString(body, "name");
            String value = Params.requiredString(body, "value");
            if (b.store("secret").find(name) != null) {
                throw ApiException.conflict("a secret named " + name + " exists");
            }
            long now = System.currentTimeMillis();
            JsonObject s = new JsonObject().put("id", Ids.next("sec")).put("name", name).put("create_time_ms", now)
                    .put("update_time_ms", now).put("_value", value);
            b.store("secret").put(name, s);
            return Views.pub(s);
        });
        Api.json(r, GET, "/v1/secrets", ctx -> {
            int limit = (int) Params.queryLong(ctx, "limit", 100, 1, 5000);
            List<JsonObject> all = b.store("secret").list(s -> true);
            JsonArray items = new JsonArray();
            all.stream().limit(limit).forEach(s -> items.add(Views.pub(s)));
            return new JsonObject().put("secrets", items).put("has_more", all.size() > limit).put("total_count", all.size());
        });
        Api.json(r, GET, "/v1/secrets/:name", ctx -> Views.pub(b.store("secret").get(ctx.pathParam("name"))));
        Api.json(r, POST, "/v1/secrets/:name/delete", ctx -> {
            JsonObject s = b.store("secret").get(ctx.pathParam("name"));
            b.store("secret").remove(ctx.pathParam("name"));
            return Views.pub(s);
        });
        Api.json(r, POST, "/v1/secrets/:name", ctx -> {
            JsonObject s = b.store("secret").get(ctx.pathParam("name"));
            s.put("_value", Params.requiredString(Params.body(ctx), "value")).put("update_time_ms", System.currentTimeMillis());
            return Views.pub(s);
        });
    }

    private void axons(Router r) {
        crud(r, "/v1/axons", "axon", "axn", "axons", (body, v) -> v.put("created_at_ms", v.remove("create_time_ms"))
                .put("metadata", body.getJsonObject("metadata", new JsonObject())).put("_events", new JsonArray()));
        Api.json(r, DELETE, "/v1/axons/:id", ctx -> {
            b.store("axon").get(ctx.pathParam("id"));
            b.store("axon").remove(ctx.pathParam("id"));
            return new JsonObject().put("id", ctx.pathParam("id")).put("deleted", true);
        });
        Api.json(r, POST, "/v1/axons/:id/publish", ctx -> {
            JsonObject axon = b.store("axon").get(ctx.pathParam("id"));
            JsonObject body = Params.body(ctx);
            synchronized (axon) {
                JsonArray events = axon.getJsonArray("_events");
                long seq = events.size() + 1L;
                events.add(new JsonObject().put("axon_id", axon.getString("id")).put("sequence", seq)
                        .put("event_type", Params.requiredString(body, "event_type")).put("origin", Params.requiredString(body, "origin"))
                        .put("payload", Params.requiredString(body, "payload")).put("source", Params.requiredString(body, "source"))
                        .put("timestamp_ms", System.currentTimeMillis()));
                return new JsonObject().put("sequence", seq).put("timestamp_ms", System.currentTimeMillis());
            }
        });
        Api.json(r, GET, "/v1/axons/:id/events", ctx -> {
            JsonObject axon = b.store("axon").get(ctx.pathParam("id"));
            List<JsonObject> events = axon.getJsonArray("_events").stream().map(o -> (JsonObject) o).toList();
            return Pages.page(ctx, events, e -> String.valueOf(e.getLong("sequence")), "events", JsonObject::copy);
        });
        Api.raw(r, GET, "/v1/axons/:id/subscribe/sse", ctx -> {
            JsonObject axon = b.store("axon").get(ctx.pathParam("id"));
            long after = Params.queryLong(ctx, "after_sequence", 0, 0, Long.MAX_VALUE);
            StringBuilder sb = new StringBuilder();
            axon.getJsonArray("_events").stream().map(o -> (JsonObject) o).filter(e -> e.getLong("sequence") > after)
                    .forEach(e -> sb.append("data: ").append(e.encode()).append("\n\n"));
            ctx.response().putHeader("content-type", "text/event-stream").end(sb.toString());
        });
        Api.json(r, POST, "/v1/axons/:id/sql/query", ctx -> {
            b.store("axon").get(ctx.pathParam("id"));
            Params.requiredString(Params.body(ctx), "sql");
            return new JsonObject().put("columns", new JsonArray()).put("rows", new JsonArray())
                    .put("meta", new JsonObject().put("changes", 0).put("duration_ms", 0));
        });
        Api.json(r, POST, "/v1/axons/:id/sql/batch", ctx -> {
            b.store("axon").get(ctx.pathParam("id"));
            JsonArray steps = new JsonArray();
            Params.optArray(Params.body(ctx), "statements").forEach(s -> steps.add(new JsonObject()
                    .put("success", new JsonObject().put("columns", new JsonArray()).put("rows", new JsonArray()))));
            return new JsonObject().put("results", steps);
        });
    }

    /** Shapes a new view from the create body. */
    private interface Shaper {
        void shape(JsonObject body, JsonObject view);
    }

    private void crud(Router r, String base, String kind, String prefix, String itemsKey, Shaper shaper) {
        Api.json(r, GET, base + "/list_public", ctx -> Pages.page(ctx, List.<JsonObject>of(), o -> "", itemsKey, Views::pub));
        Api.json(r, POST, base, ctx -> {
            JsonObject body = Params.body(ctx);
            String id = Ids.next(prefix);
            JsonObject v = body.copy().put("id", id).put("create_time_ms", System.currentTimeMillis());
            shaper.shape(body, v);
            b.store(kind).put(id, v);
            return Views.pub(v);
        });
        Api.json(r, GET, base, ctx -> {
            String name = Params.query(ctx, "name");
            String search = Params.query(ctx, "search");
            String id = Params.query(ctx, "id");
            return Pages.page(ctx, b.store(kind).list(v -> Views.eq(name, v.getString("name"))
                    && Views.contains(search, v.getString("name")) && Views.eq(id, v.getString("id"))),
                    v -> v.getString("id"), itemsKey, Views::pub);
        });
        Api.json(r, GET, base + "/:id", ctx -> Views.pub(b.store(kind).get(ctx.pathParam("id"))));
        Api.json(r, POST, base + "/:id/delete", ctx -> {
            JsonObject v = b.store(kind).get(ctx.pathParam("id"));
            b.store(kind).remove(ctx.pathParam("id"));
            return Views.pub(v);
        });
        Api.json(r, POST, base + "/:id", ctx -> {
            JsonObject v = b.store(kind).get(ctx.pathParam("id"));
            for (Map.Entry<String, Object> e : Params.body(ctx)) {
                if (e.getValue() != null && !e.getKey().equals("id")) {
                    v.put(e.getKey(), e.getValue());
                }
            }
            if (v.containsKey("update_time_ms")) {
                v.put("update_time_ms", System.currentTimeMillis());
            }
            return Views.pub(v);
        });
    }
}
