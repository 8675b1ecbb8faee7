package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.devbox.Devbox;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Wire;
import ai.runloop.emulator.internal.util.Ids;
import ai.runloop.model.accounts.APIKeyCreatedView;
import ai.runloop.model.accounts.AccountView;
import ai.runloop.model.accounts.RestrictedKeyCreatedView;
import ai.runloop.model.agents.AgentDevboxCountsView;
import ai.runloop.model.agents.AgentListView;
import ai.runloop.model.agents.AgentSource;
import ai.runloop.model.agents.AgentView;
import ai.runloop.model.gatewayconfigs.GatewayConfigListView;
import ai.runloop.model.gatewayconfigs.GatewayConfigView;
import ai.runloop.model.mcpconfigs.McpConfigListView;
import ai.runloop.model.mcpconfigs.McpConfigView;
import ai.runloop.model.networkpolicies.NetworkPolicyListView;
import ai.runloop.model.networkpolicies.NetworkPolicyView;
import ai.runloop.model.pty.PtyConnectView;
import ai.runloop.model.pty.PtyControlResultView;
import ai.runloop.model.secrets.SecretListView;
import ai.runloop.model.secrets.SecretView;
import ai.runloop.model.shared.AuthMechanism;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resources that keep what they are given: secrets (by name; values only ever injected into
 * devboxes), agents (with real per-agent devbox counts), network policies, gateway and MCP configs,
 * the account, API keys, restricted keys and PTY sessions. Shapes follow the reference models.
 */
final class SimpleRoutes implements Api {
    private static final List<String> EGRESS_FLAGS = List.of("allow_agent_gateway", "allow_all", "allow_devbox_to_devbox",
            "allow_mcp_gateway", "allow_runloop_mirrors");
    private final Backend b;
    private final Map<String, JsonObject> ptySessions = new ConcurrentHashMap<>();

    SimpleRoutes(Backend backend) {
        this.b = backend;
    }

    @Override
    public void register(Router r) {
        secrets(r);
        Api.json(r, GET, "/v1/accounts/me", AccountView.class, ctx -> new JsonObject().put("id", "acc_emulator")
                .put("name", "Local emulator").put("account_status", "ACCOUNT_STATUS_ENABLED").put("tier", "ACCOUNT_TIER_PRO")
                .put("created_at", "2026-01-01T00:00:00Z").put("billing", new JsonObject().put("account_billing_type", "STRIPE")));
        agents(r);
        policies(r);
        configs(r);
        Api.json(r, POST, "/v1/apikeys", APIKeyCreatedView.class, ctx -> key(Params.body(ctx)));
        Api.json(r, POST, "/v1/restricted_keys", RestrictedKeyCreatedView.class, ctx -> {
            JsonObject body = Params.body(ctx);
            JsonArray scopes = Params.optArray(body, "scopes");
            return key(body).put("scopes", scopes == null ? new JsonArray() : scopes.copy());
        });
        pty(r);
    }

    private static JsonObject key(JsonObject body) {
        Object expires = body.getValue("expires_at_ms");
        if (expires != null && !(expires instanceof Number)) {
            throw ApiException.badRequest("expires_at_ms", "expires_at_ms must be an integer");
        }
        return new JsonObject().put("id", Ids.next("key")).put("name", body.getString("name", ""))
                .put("key_secret", "ak_" + Ids.random(40)).put("expires_at_ms", expires);
    }

    private void secrets(Router r) {
        Api.json(r, POST, "/v1/secrets", SecretView.class, ctx -> {
            JsonObject body = Params.body(ctx);
            String name = Params.requiredString(body, "name");
            String value = Params.requiredString(body, "value");
            synchronized (b.store("secret")) {
                if (b.store("secret").find(name) != null) {
                    throw ApiException.conflict("a secret named " + name + " exists");
                }
                long now = System.currentTimeMillis();
                JsonObject s = new JsonObject().put("id", Ids.next("sec")).put("name", name).put("create_time_ms", now)
                        .put("update_time_ms", now).put("_value", value);
                b.store("secret").put(name, s);
                return s;
            }
        });
        Api.json(r, GET, "/v1/secrets", SecretListView.class, ctx -> {
            int limit = (int) Params.queryLong(ctx, "limit", 100, 1, 5000);
            List<JsonObject> all = b.store("secret").list(s -> true);
            JsonArray items = new JsonArray();
            all.stream().limit(limit).forEach(items::add);
            return new JsonObject().put("secrets", items).put("has_more", all.size() > limit).put("total_count", all.size());
        });
        Api.json(r, GET, "/v1/secrets/:name", SecretView.class, ctx -> b.store("secret").get(ctx.pathParam("name")));
        Api.json(r, POST, "/v1/secrets/:name/delete", SecretView.class, ctx -> {
            JsonObject s = b.store("secret").get(ctx.pathParam("name"));
            b.store("secret").remove(ctx.pathParam("name"));
            return s;
        });
        Api.json(r, POST, "/v1/secrets/:name", SecretView.class, ctx -> {
            JsonObject s = b.store("secret").get(ctx.pathParam("name"));
            String value = Params.requiredString(Params.body(ctx), "value");
            synchronized (s) {
                return s.put("_value", value).put("update_time_ms", System.currentTimeMillis());
            }
        });
    }

    private void agents(Router r) {
        Api.json(r, GET, "/v1/agents/devbox_counts", AgentDevboxCountsView.class, ctx -> {
            Map<String, Integer> counts = new TreeMap<>();
            for (Devbox d : b.devboxes.list(d -> !Devbox.TERMINAL.contains(d.status()))) {
                for (JsonObject m : d.mounts()) {
                    if (!"agent_mount".equals(m.getString("type"))) {
                        continue;
                    }
                    String name = m.getString("agent_name");
                    JsonObject agent = m.getString("agent_id") == null ? null : b.store("agent").find(m.getString("agent_id"));
                    if (agent != null) {
                        name = agent.getString("name");
                    }
                    if (name != null) {
                        counts.merge(name, 1, Integer::sum);
                    }
                }
            }
            return new JsonObject().put("counts", new JsonObject(new java.util.LinkedHashMap<>(counts)))
                    .put("total_count", counts.values().stream().mapToInt(Integer::intValue).sum());
        });
        Crud agents = new Crud(b, "/v1/agents", "agent", "agt", "agents", AgentView.class, AgentListView.class)
                .params(ai.runloop.model.agents.AgentCreateParams.class, null);
        agents.register(r, (body, v) -> {
            v.put("name", Params.requiredString(body, "name")).put("is_public", false).put("version", Params.optString(body, "version"));
            JsonObject source = Params.optObject(body, "source");
            if (source != null) {
                Params.requiredString(source, "type");
                Wire.read(source, AgentSource.class, "source");
                v.put("source", source.copy());
            }
        }, null, (ctx, v) -> {
            String version = Params.query(ctx, "version");
            if (version == null || "latest".equals(version)) {
                return true;
            }
            return version.equals(v.getString("version"));
        }, true, false);
        Api.json(r, POST, "/v1/agents/:id/delete", ctx -> {
            JsonObject a = agents.owned(ctx);
            b.store("agent").remove(a.getString("id"));
            return new JsonObject().put("id", a.getString("id")).put("deleted", true);
        });
    }

    private void policies(Router r) {
        new Crud(b, "/v1/network-policies", "network_policy", "npo", "network_policies", NetworkPolicyView.class,
                NetworkPolicyListView.class).params(ai.runloop.model.networkpolicies.NetworkPolicyCreateParams.class,
                ai.runloop.model.networkpolicies.NetworkPolicyUpdateParams.class).register(r, (body, v) -> {
                    v.put("name", Params.requiredString(body, "name")).put("description", Params.optString(body, "description"))
                            .put("update_time_ms", v.getLong("create_time_ms"));
                    JsonObject egress = new JsonObject();
                    for (String k : EGRESS_FLAGS) {
                        egress.put(k, Params.optBool(body, k, false));
                    }
                    egress.put("allowed_cidrs", cidrs(body)).put("allowed_hostnames", new JsonArray(Params.stringList(body, "allowed_hostnames")));
                    v.put("egress", egress);
                }, (body, v) -> {
                    if (body.getValue("name") != null) {
                        v.put("name", Params.requiredString(body, "name"));
                    }
                    if (body.containsKey("description")) {
                        v.put("description", Params.optString(body, "description"));
                    }
                    JsonObject egress = v.getJsonObject("egress");
                    for (String k : EGRESS_FLAGS) {
                        if (body.getValue(k) != null) {
                            egress.put(k, Params.optBool(body, k, false));
                        }
                    }
                    if (body.getValue("allowed_cidrs") != null) {
                        egress.put("allowed_cidrs", cidrs(body));
                    }
                    if (body.getValue("allowed_hostnames") != null) {
                        egress.put("allowed_hostnames", new JsonArray(Params.stringList(body, "allowed_hostnames")));
                    }
                    v.put("update_time_ms", System.currentTimeMillis());
                }, null, false, true);
    }

    private static JsonArray cidrs(JsonObject body) {
        JsonArray in = Params.optArray(body, "allowed_cidrs");
        JsonArray out = new JsonArray();
        if (in != null) {
            for (Object o : in) {
                if (!(o instanceof JsonObject c) || !(c.getValue("cidr") instanceof String)) {
                    throw ApiException.badRequest("allowed_cidrs", "each allowed_cidrs entry needs a cidr string");
                }
                out.add(c.copy());
            }
        }
        return out;
    }

    private void configs(Router r) {
        new Crud(b, "/v1/gateway-configs", "gateway_config", "gwc", "gateway_configs", GatewayConfigView.class,
                GatewayConfigListView.class).params(ai.runloop.model.gatewayconfigs.GatewayConfigCreateParams.class,
                ai.runloop.model.gatewayconfigs.GatewayConfigUpdateParams.class).register(r, (body, v) -> {
                    v.put("name", Params.requiredString(body, "name")).put("endpoint", Params.requiredString(body, "endpoint"))
                            .put("auth_mechanism", auth(body, true)).put("description", Params.optString(body, "description"))
                            .put("account_id", "acc_emulator");
                    headers(body, v);
                }, (body, v) -> configUpdate(body, v), null, false, true);
        new Crud(b, "/v1/mcp-configs", "mcp_config", "mcp", "mcp_configs", McpConfigView.class, McpConfigListView.class)
                .params(ai.runloop.model.mcpconfigs.McpConfigCreateParams.class, ai.runloop.model.mcpconfigs.McpConfigUpdateParams.class)
                .register(r, (body, v) -> {
                    v.put("name", Params.requiredString(body, "name")).put("endpoint", Params.requiredString(body, "endpoint"))
                            .put("description", Params.optString(body, "description"));
                    if (Params.optArray(body, "allowed_tools") == null) {
                        throw ApiException.badRequest("allowed_tools", "allowed_tools is required");
                    }
                    v.put("allowed_tools", new JsonArray(Params.stringList(body, "allowed_tools")));
                    JsonObject auth = auth(body, false);
                    v.put("auth_mechanism", auth != null ? auth : new JsonObject().put("type", "none"));
                    headers(body, v);
                }, (body, v) -> {
                    configUpdate(body, v);
                    if (body.getValue("allowed_tools") != null) {
                        v.put("allowed_tools", new JsonArray(Params.stringList(body, "allowed_tools")));
                    }
                }, null, false, true);
    }

    private static void configUpdate(JsonObject body, JsonObject v) {
        for (String k : List.of("name", "endpoint", "description")) {
            if (body.getValue(k) != null) {
                v.put(k, Params.optString(body, k));
            }
        }
        if (body.getValue("auth_mechanism") != null) {
            v.put("auth_mechanism", auth(body, true));
        }
        if (body.getValue("custom_headers") != null) {
            headers(body, v);
        }
    }

    private static JsonObject auth(JsonObject body, boolean required) {
        JsonObject a = Params.optObject(body, "auth_mechanism");
        if (a == null) {
            if (required) {
                throw ApiException.badRequest("auth_mechanism", "auth_mechanism is required");
            }
            return null;
        }
        Params.requiredString(a, "type");
        Wire.read(a, AuthMechanism.class, "auth_mechanism");
        return a.copy();
    }

    private static void headers(JsonObject body, JsonObject v) {
        JsonArray h = Params.optArray(body, "custom_headers");
        if (h == null) {
            return;
        }
        for (Object o : h) {
            if (!(o instanceof JsonObject header) || !(header.getValue("name") instanceof String)) {
                throw ApiException.badRequest("custom_headers", "each custom header needs a name");
            }
        }
        v.put("custom_headers", h.copy());
    }

    private void pty(Router r) {
        Api.json(r, GET, "/pty/:name", PtyConnectView.class, ctx -> {
            String name = ctx.pathParam("name");
            int cols = (int) Params.queryLong(ctx, "cols", 80, 1, 10_000);
            int rows = (int) Params.queryLong(ctx, "rows", 24, 1, 10_000);
            boolean[] created = {false};
            JsonObject s = ptySessions.computeIfAbsent(name, k -> {
                created[0] = true;
                return new JsonObject().put("session_name", k).put("status", "active").put("protocol_version", "1")
                        .put("idle_ttl_seconds", 3600).put("connect_url", "ws://" + ctx.request().authority() + "/pty/" + k + "/ws");
            });
            synchronized (s) {
                return s.copy().put("cols", cols).put("rows", rows).put("created", created[0]).put("attached", true);
            }
        });
        Api.json(r, POST, "/pty/:name/control", PtyControlResultView.class, ctx -> {
            String name = ctx.pathParam("name");
            JsonObject s = ptySessions.get(name);
            if (s == null) {
                throw ApiException.notFound("pty session", name);
            }
            JsonObject body = Params.body(ctx);
            String action = body.getString("action", "resize");
            switch (action) {
                case "resize", "signal" -> {
                    // no terminal is attached in the emulator: the request is accepted and acknowledged
                }
                case "close" -> {
                    ptySessions.remove(name);
                    return new JsonObject().put("session_name", name).put("status", "closed");
                }
                default -> throw ApiException.badRequest("action", "action must be resize, signal or close");
            }
            return new JsonObject().put("session_name", name).put("status", "active");
        });
    }
}
