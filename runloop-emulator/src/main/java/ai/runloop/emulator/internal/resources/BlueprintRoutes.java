package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.files.PathGuard;
import ai.runloop.emulator.internal.files.Trees;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.util.Ids;
import ai.runloop.model.blueprints.BlueprintBuildLogsListView;
import ai.runloop.model.blueprints.BlueprintListView;
import ai.runloop.model.blueprints.BlueprintPreviewView;
import ai.runloop.model.blueprints.BlueprintView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Blueprints: a build makes a template folder (copy of the base blueprint's, then file mounts), runs
 * each {@code system_setup_commands} entry there with {@code /bin/sh -c}, and records every output
 * line as a build log. queued → building → build_complete, or failed with {@code build_failed}.
 * Devboxes from the blueprint start with a copy of the template. The dockerfile is kept, not built.
 */
final class BlueprintRoutes implements Api {
    private final Backend b;

    BlueprintRoutes(Backend backend) {
        this.b = backend;
    }

    @Override
    public void register(Router r) {
        Api.json(r, POST, "/v1/blueprints/preview", BlueprintPreviewView.class, ctx -> {
            JsonObject body = Params.body(ctx);
            Params.requiredString(body, "name");
            return new JsonObject().put("dockerfile", dockerfile(body));
        });
        Api.json(r, GET, "/v1/blueprints/list_public", BlueprintListView.class, ctx -> list(ctx, true));
        Api.json(r, POST, "/v1/blueprints", BlueprintView.class, ctx -> create(Params.body(ctx, ai.runloop.model.blueprints.BlueprintCreateParams.class)));
        Api.json(r, GET, "/v1/blueprints", BlueprintListView.class, ctx -> list(ctx, false));
        Api.json(r, GET, "/v1/blueprints/:bid", BlueprintView.class, ctx -> Views.json(Views.blueprint(blueprint(ctx))));
        Api.json(r, GET, "/v1/blueprints/:bid/logs", BlueprintBuildLogsListView.class, ctx -> {
            JsonObject bp = blueprint(ctx);
            synchronized (bp) {
                return new JsonObject().put("blueprint_id", bp.getString("id")).put("logs", bp.getJsonArray("_logs").copy());
            }
        });
        Api.json(r, POST, "/v1/blueprints/:bid/delete", ctx -> {
            JsonObject bp = blueprint(ctx);
            bp.put("state", "deleted");
            return new JsonObject().put("id", bp.getString("id")).put("deleted", true);
        });
    }

    private JsonObject list(RoutingContext ctx, boolean publicOnly) {
        String name = Params.query(ctx, "name");
        String status = Params.query(ctx, "status");
        var all = b.store("blueprint").list(bp -> "created".equals(bp.getString("state")) && Crud.isPublic(bp) == publicOnly
                && Views.eq(name, bp.getString("name")) && Views.eq(status, bp.getString("status")));
        return Pages.page(ctx, all, bp -> bp.getString("id"), "blueprints", bp -> Views.json(Views.blueprint(bp)));
    }

    private JsonObject create(JsonObject body) {
        String name = Params.requiredString(body, "name");
        List<String> commands = Params.stringList(body, "system_setup_commands");
        Map<String, String> mounts = Params.stringMap(body, "file_mounts");
        String baseId = Params.optString(body, "base_blueprint_id");
        String baseName = Params.optString(body, "base_blueprint_name");
        JsonObject base = null;
        if (baseId != null) {
            base = b.store("blueprint").find(baseId);
            if (base == null) {
                throw ApiException.badRequest("base_blueprint_id", "unknown blueprint: " + baseId);
            }
        } else if (baseName != null) {
            base = b.store("blueprint").list(bp -> baseName.equals(bp.getString("name"))
                    && "build_complete".equals(bp.getString("status"))).stream().findFirst()
                    .orElseThrow(() -> ApiException.badRequest("base_blueprint_name", "no built blueprint named " + baseName));
        }
        String id = Ids.next("bpt");
        JsonObject bp = new JsonObject().put("id", id).put("name", name).put("create_time_ms", System.currentTimeMillis())
                .put("parameters", body.copy()).put("state", "created").put("status", "queued").put("is_public", false)
                .put("metadata", new JsonObject(Map.copyOf(Params.stringMap(body, "metadata"))))
                .put("base_blueprint_id", base == null ? null : base.getString("id")).put("_logs", new JsonArray());
        b.store("blueprint").put(id, bp);
        String baseTemplate = base == null ? null : base.getString("id");
        long delay = Math.max(1, b.config.statusDelay().toMillis());
        b.vertx.setTimer(delay, t -> {
            bp.put("status", "building");
            b.vertx.executeBlocking(() -> build(bp, baseTemplate, mounts, commands), false).onComplete(res -> {
                synchronized (bp) {
                    bp.put("build_finish_time_ms", System.currentTimeMillis());
                    if (res.succeeded() && res.result()) {
                        bp.put("status", "build_complete");
                    } else {
                        if (res.failed()) {
                            log(bp, "error", "build failed: " + res.cause().getMessage());
                        }
                        bp.put("status", "failed").put("failure_reason", "build_failed");
                    }
                }
            });
        });
        return Views.json(Views.blueprint(bp));
    }

    private boolean build(JsonObject bp, String baseTemplate, Map<String, String> mounts, List<String> commands)
            throws IOException, InterruptedException {
        Path dir = b.dir("blueprints", bp.getString("id"));
        Files.createDirectories(dir);
        if (baseTemplate != null) {
            Trees.copy(b.dir("blueprints", baseTemplate), dir);
        }
        for (Map.Entry<String, String> m : mounts.entrySet()) {
            Path f = PathGuard.resolve(dir, m.getKey(), "file_mounts");
            Files.createDirectories(f.getParent());
            Files.writeString(f, m.getValue(), StandardCharsets.UTF_8);
        }
        for (String cmd : commands) {
            log(bp, "info", "RUN " + cmd);
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("HOME", dir.toString());
            Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    log(bp, "info", line);
                }
            }
            int exit = p.waitFor();
            if (exit != 0) {
                log(bp, "error", "command failed with exit " + exit + ": " + cmd);
                return false;
            }
        }
        log(bp, "info", "build complete");
        return true;
    }

    private static void log(JsonObject bp, String level, String message) {
        synchronized (bp) {
            bp.getJsonArray("_logs").add(new JsonObject().put("level", level).put("message", message)
                    .put("timestamp_ms", System.currentTimeMillis()));
        }
    }

    static String dockerfile(JsonObject body) {
        String given = body.getString("dockerfile");
        StringBuilder sb = new StringBuilder(given != null ? given.stripTrailing() + "\n" : "FROM runloop:runloop/starter-x86_64\n");
        for (String cmd : Params.stringList(body, "system_setup_commands")) {
            sb.append("RUN ").append(cmd).append('\n');
        }
        return sb.toString();
    }

    private JsonObject blueprint(RoutingContext ctx) {
        JsonObject bp = b.store("blueprint").get(ctx.pathParam("bid"));
        if (!"created".equals(bp.getString("state"))) {
            throw ApiException.notFound("blueprint", bp.getString("id"));
        }
        return bp;
    }
}
