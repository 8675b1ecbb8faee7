package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.devbox.Devbox;
import ai.runloop.emulator.internal.files.Trees;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Replies;
import ai.runloop.emulator.internal.util.Ids;
import ai.runloop.model.devboxes.DevboxSnapshotAsyncStatusView;
import ai.runloop.model.devboxes.DevboxSnapshotListView;
import ai.runloop.model.devboxes.DevboxSnapshotView;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Disk snapshots: real copies of a devbox folder, taken on a worker thread. */
final class SnapshotRoutes implements Api {
    private static final String BASE = "/v1/devboxes/disk_snapshots";
    private final Backend b;

    SnapshotRoutes(Backend backend) {
        this.b = backend;
    }

    @Override
    public void register(Router r) {
        Api.json(r, GET, BASE, DevboxSnapshotListView.class, this::list);
        Api.json(r, GET, BASE + "/:sid/status", DevboxSnapshotAsyncStatusView.class, ctx -> {
            JsonObject s = b.store("snapshot").get(ctx.pathParam("sid"));
            JsonObject v = new JsonObject().put("status", s.getString("_status"));
            if ("complete".equals(s.getString("_status"))) {
                v.put("snapshot", Views.json(Views.snapshot(s)));
            }
            if (s.getString("_error") != null) {
                v.put("error_message", s.getString("_error"));
            }
            return v;
        });
        Api.json(r, POST, BASE + "/:sid/delete", ctx -> {
            JsonObject s = b.store("snapshot").get(ctx.pathParam("sid"));
            b.store("snapshot").remove(s.getString("id"));
            b.vertx.executeBlocking(() -> {
                Trees.delete(b.dir("snapshots", s.getString("id")));
                return true;
            }, false);
            return new JsonObject().put("id", s.getString("id")).put("deleted", true);
        });
        Api.json(r, POST, BASE + "/:sid", DevboxSnapshotView.class, ctx -> {
            JsonObject s = b.store("snapshot").get(ctx.pathParam("sid"));
            JsonObject body = Params.body(ctx);
            synchronized (s) {
                if (body.containsKey("name")) {
                    s.put("name", Params.optString(body, "name"));
                }
                if (body.containsKey("commit_message")) {
                    s.put("commit_message", Params.optString(body, "commit_message"));
                }
                if (body.containsKey("metadata")) {
                    s.put("metadata", new JsonObject(Map.copyOf(Params.stringMap(body, "metadata"))));
                }
                return Views.json(Views.snapshot(s));
            }
        });
        Api.raw(r, POST, "/v1/devboxes/:id/snapshot_disk", ctx -> snapshot(ctx, true));
        Api.raw(r, POST, "/v1/devboxes/:id/snapshot_disk_async", ctx -> snapshot(ctx, false));
    }

    private void snapshot(RoutingContext ctx, boolean sync) {
        Devbox d = b.devboxes.get(ctx.pathParam("id"));
        String status = d.status();
        if (!"running".equals(status) && !"suspended".equals(status)) {
            throw ApiException.conflict("cannot snapshot devbox " + d.id() + ": it is " + status);
        }
        JsonObject body = Params.body(ctx);
        String id = Ids.next("snp");
        JsonObject s = new JsonObject().put("id", id).put("create_time_ms", System.currentTimeMillis())
                .put("metadata", new JsonObject(Map.copyOf(Params.stringMap(body, "metadata"))))
                .put("source_devbox_id", d.id()).put("name", Params.optString(body, "name"))
                .put("commit_message", Params.optString(body, "commit_message"))
                .put("source_blueprint_id", d.blueprintId()).put("_status", "in_progress");
        b.store("snapshot").put(id, s);
        d.beginSnapshot();
        var copy = b.vertx.executeBlocking(() -> {
            Trees.copy(d.home(), b.dir("snapshots", id));
            return Trees.size(b.dir("snapshots", id));
        }, false).onComplete(res -> {
            d.endSnapshot();
            synchronized (s) {
                if (res.succeeded()) {
                    s.put("size_bytes", res.result()).put("_status", "complete");
                } else {
                    s.put("_status", "error").put("_error", String.valueOf(res.cause().getMessage()));
                }
            }
        });
        if (!sync) {
            Replies.json(ctx, Views.json(Views.snapshot(s)));
            return;
        }
        copy.onComplete(res -> {
            if (res.succeeded()) {
                Replies.json(ctx, Views.json(Views.snapshot(s)));
            } else {
                Replies.error(ctx, new ApiException(500, "snapshot failed: " + res.cause().getMessage(), null));
            }
        });
    }

    private JsonObject list(RoutingContext ctx) {
        String devbox = Params.query(ctx, "devbox_id");
        String blueprint = Params.query(ctx, "source_blueprint_id");
        Map<String, String> exact = new java.util.HashMap<>();
        Map<String, java.util.List<String>> in = new java.util.HashMap<>();
        ctx.queryParams().forEach(e -> {
            String k = e.getKey();
            if (k.startsWith("metadata[") && k.endsWith("][in]")) {
                in.put(k.substring(9, k.length() - 5), java.util.List.of(e.getValue().split(",")));
            } else if (k.startsWith("metadata[") && k.endsWith("]")) {
                exact.put(k.substring(9, k.length() - 1), e.getValue());
            }
        });
        var all = b.store("snapshot").list(s -> Views.eq(devbox, s.getString("source_devbox_id"))
                && Views.eq(blueprint, s.getString("source_blueprint_id"))
                && exact.entrySet().stream().allMatch(m -> m.getValue().equals(s.getJsonObject("metadata").getString(m.getKey())))
                && in.entrySet().stream().allMatch(m -> m.getValue().contains(s.getJsonObject("metadata").getString(m.getKey()))));
        return Pages.page(ctx, all, s -> s.getString("id"), "snapshots", s -> Views.json(Views.snapshot(s)));
    }
}
