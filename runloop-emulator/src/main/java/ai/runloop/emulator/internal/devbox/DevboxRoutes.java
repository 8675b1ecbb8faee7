package ai.runloop.emulator.internal.devbox;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Replies;
import ai.runloop.emulator.internal.util.Ids;
import ai.runloop.emulator.internal.util.LongPoll;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxCreateSSHKeyResponse;
import ai.runloop.model.devboxes.DevboxListView;
import ai.runloop.model.devboxes.DevboxLogsListView;
import ai.runloop.model.devboxes.DevboxResourceUsageView;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.devboxes.GatewayTokenView;
import ai.runloop.model.devboxes.McpTokenView;
import ai.runloop.model.devboxes.TunnelView;
import ai.runloop.model.pty.PtyTunnelView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/** Devbox lifecycle endpoints: create, list, retrieve, update, waits, suspend/resume/shutdown, usage, logs, net. */
public final class DevboxRoutes implements Api {
    private final Backend b;
    private final DevboxLifecycle lifecycle;

    /** @param backend emulator @param lifecycle state machine */
    public DevboxRoutes(Backend backend, DevboxLifecycle lifecycle) {
        this.b = backend;
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(Router r) {
        Api.raw(r, GET, "/v1/devboxes/evictions/watch", b.evictions::watch);
        Api.json(r, POST, "/_emulator/evictions", ctx -> {
            JsonObject body = Params.body(ctx);
            Devbox d = b.devboxes.find(Params.requiredString(body, "devbox_id"));
            if (d == null) {
                throw ApiException.badRequest("devbox_id", "unknown devbox: " + body.getString("devbox_id"));
            }
            Double deadline = Params.optNumber(body, "eviction_deadline_ms");
            long when = deadline != null ? deadline.longValue() : System.currentTimeMillis() + 600_000;
            return new JsonObject().put("devbox_id", d.id).put("eviction_deadline_ms", when)
                    .put("streams", b.evictions.announce(d.id, when));
        });
        Api.json(r, POST, "/v1/devboxes", DevboxView.class, ctx -> lifecycle.create(Params.body(ctx, DevboxCreateParams.class)).view());
        Api.raw(r, POST, "/v1/devboxes/create_and_await_running", ctx -> {
            Devbox d = lifecycle.create(Params.body(ctx, DevboxCreateParams.class));
            LongPoll.await(ctx, d.watchers, () -> Set.of("running", "failure", "shutdown").contains(d.status()),
                    b.config.devboxWaitHold().toMillis(), () -> Replies.json(ctx, d.view()), () -> Replies.json(ctx, d.view()));
        });
        Api.json(r, GET, "/v1/devboxes", DevboxListView.class, this::list);
        Api.json(r, GET, "/v1/devboxes/:id", DevboxView.class, ctx -> devbox(ctx).view());
        Api.json(r, POST, "/v1/devboxes/:id", DevboxView.class, ctx -> {
            Devbox d = devbox(ctx);
            JsonObject body = Params.body(ctx);
            d.rename(Params.optString(body, "name"), body.containsKey("metadata") ? Params.stringMap(body, "metadata") : null);
            return d.view();
        });
        Api.raw(r, POST, "/v1/devboxes/:id/wait_for_status", this::waitForStatus);
        Api.json(r, POST, "/v1/devboxes/:id/suspend", DevboxView.class, ctx -> {
            Devbox d = devbox(ctx);
            lifecycle.suspend(d);
            return d.view();
        });
        Api.json(r, POST, "/v1/devboxes/:id/resume", DevboxView.class, ctx -> {
            Devbox d = devbox(ctx);
            lifecycle.resume(d);
            return d.view();
        });
        Api.json(r, POST, "/v1/devboxes/:id/shutdown", DevboxView.class, ctx -> {
            Devbox d = devbox(ctx);
            lifecycle.shutdown(d, "true".equalsIgnoreCase(Params.query(ctx, "force")), "api_shutdown");
            return d.view();
        });
        Api.json(r, POST, "/v1/devboxes/:id/keep_alive", ctx -> {
            Devbox d = devbox(ctx);
            lifecycle.touch(d);
            return new JsonObject().put("id", d.id).put("status", d.status());
        });
        Api.json(r, GET, "/v1/devboxes/:id/usage", DevboxResourceUsageView.class, ctx -> devbox(ctx).usage());
        Api.json(r, GET, "/v1/devboxes/:id/logs", DevboxLogsListView.class, ctx -> {
            Devbox d = devbox(ctx);
            String exec = Params.query(ctx, "execution_id");
            String shell = Params.query(ctx, "shell_name");
            JsonArray logs = new JsonArray();
            d.logs().stream().filter(l -> exec == null || exec.equals(l.getString("cmd_id")))
                    .filter(l -> shell == null || shell.equals(l.getString("shell_name"))).forEach(logs::add);
            return new JsonObject().put("logs", logs);
        });
        Api.json(r, POST, "/v1/devboxes/:id/enable_tunnel", TunnelView.class, ctx -> {
            Devbox d = devbox(ctx);
            JsonObject body = Params.body(ctx);
            String mode = body.getString("auth_mode", "open");
            JsonObject t = new JsonObject().put("tunnel_key", Ids.random(12)).put("auth_mode", mode)
                    .put("create_time_ms", System.currentTimeMillis())
                    .put("http_keep_alive", Params.optBool(body, "http_keep_alive", false))
                    .put("wake_on_http", Params.optBool(body, "wake_on_http", false));
            if ("authenticated".equals(mode)) {
                t.put("auth_token", Ids.random(32));
            }
            d.tunnel(t);
            return t;
        });
        Api.json(r, POST, "/v1/devboxes/:id/remove_tunnel", ctx -> {
            devbox(ctx).tunnel(null);
            return new JsonObject();
        });
        Api.json(r, POST, "/v1/devboxes/:id/create_ssh_key", DevboxCreateSSHKeyResponse.class, ctx -> {
            Devbox d = devbox(ctx);
            return new JsonObject().put("id", d.id).put("ssh_user", "user").put("url", "ssh.runloop.local")
                    .put("ssh_private_key", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Ids.random(64)
                            + "\n-----END OPENSSH PRIVATE KEY-----\n");
        });
        Api.json(r, POST, "/v1/devboxes/:id/create_pty_tunnel", PtyTunnelView.class, ctx -> {
            devbox(ctx);
            return new JsonObject().put("tunnel_key", Ids.random(12)).put("auth_token", Ids.random(32));
        });
        Api.json(r, POST, "/v1/devboxes/:id/create_gateway_token", GatewayTokenView.class, ctx -> token(ctx, "gateway", "gwt"));
        Api.json(r, POST, "/v1/devboxes/:id/create_mcp_token", McpTokenView.class, ctx -> token(ctx, "mcp_config", "mct"));
    }

    private JsonObject token(RoutingContext ctx, String configField, String prefix) {
        Devbox d = devbox(ctx);
        JsonObject body = Params.body(ctx);
        String configId = Params.requiredString(body, configField);
        Params.requiredString(body, "secret");
        DevboxLifecycle.requireStatus(d, "running", "create a token for");
        boolean gateway = "gateway".equals(configField);
        JsonObject config = b.store(gateway ? "gateway_config" : "mcp_config").find(configId);
        if (config == null) {
            config = b.store(gateway ? "gateway_config" : "mcp_config").list(c -> configId.equals(c.getString("name")))
                    .stream().findFirst().orElseThrow(() -> ApiException.badRequest(configField, "unknown config: " + configId));
        }
        String endpoint = config.getString("endpoint");
        JsonObject t = new JsonObject().put("token", prefix + "_" + Ids.random(40)).put("devbox_id", d.id)
                .put("endpoint", endpoint).put("url", b.baseUrl(ctx) + "/_emulator/gateway/" + config.getString("id"));
        if (gateway) {
            t.put("gateway_config_id", config.getString("id"))
                    .put("auth_mechanism", config.getJsonObject("auth_mechanism", new JsonObject().put("type", "bearer")));
        } else {
            t.put("mcp_config_id", config.getString("id")).put("allowed_tools", config.getJsonArray("allowed_tools", new JsonArray()));
        }
        return t;
    }

    private JsonObject list(RoutingContext ctx) {
        String status = Params.query(ctx, "status");
        if (status != null && !DevboxLifecycle.STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "unknown status: " + status);
        }
        List<Devbox> all = b.devboxes.list(d -> status == null || status.equals(d.status()));
        return Pages.page(ctx, all, Devbox::id, "devboxes", Devbox::view);
    }

    private void waitForStatus(RoutingContext ctx) {
        Devbox d = devbox(ctx);
        JsonObject body = Params.body(ctx);
        List<String> statuses = Params.stringList(body, "statuses");
        if (statuses.isEmpty()) {
            throw ApiException.badRequest("statuses", "statuses is required");
        }
        for (String s : statuses) {
            if (!DevboxLifecycle.STATUSES.contains(s)) {
                throw ApiException.badRequest("statuses", "unknown status: " + s);
            }
        }
        long hold = b.config.devboxWaitHold().toMillis();
        Double timeout = Params.optNumber(body, "timeout_seconds");
        if (timeout != null) {
            if (timeout < 0) {
                throw ApiException.badRequest("timeout_seconds", "timeout_seconds must not be negative");
            }
            hold = Math.min(hold, (long) (timeout * 1000));
        }
        LongPoll.await(ctx, d.watchers, () -> statuses.contains(d.status()), hold, () -> Replies.json(ctx, d.view()),
                () -> Replies.error(ctx, new ApiException(408, "devbox " + d.id + " is still " + d.status()
                        + " after the wait; poll again", null)));
    }

    private Devbox devbox(RoutingContext ctx) {
        return b.devboxes.get(ctx.pathParam("id"));
    }
}
