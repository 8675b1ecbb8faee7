package ai.runloop.emulator.internal.devbox;

import ai.runloop.emulator.internal.exec.Execution;
import ai.runloop.emulator.internal.files.Archives;
import ai.runloop.emulator.internal.files.PathGuard;
import ai.runloop.emulator.internal.files.Trees;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.util.Ids;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The devbox state machine: create → (queued →) provisioning → initializing (folder, template or
 * snapshot, mounts, launch commands) → running; suspend, resume, shutdown, idle and keep-alive
 * timers. Steps are Vert.x timers of the configured delay; disk work runs on worker threads.
 */
public final class DevboxLifecycle {
    /** Every devbox status. */
    public static final Set<String> STATUSES = Set.of("scheduled", "queued", "provisioning", "initializing", "running",
            "suspending", "suspended", "resuming", "failure", "shutdown");

    private final Backend b;

    /** @param backend the emulator */
    public DevboxLifecycle(Backend backend) {
        this.b = backend;
    }

    /**
     * Validates a create request and starts the devbox's boot.
     *
     * @param p the DevboxCreateParams JSON
     * @return the new devbox (queued or provisioning)
     */
    public Devbox create(JsonObject p) {
        String blueprintId = Params.optString(p, "blueprint_id");
        String blueprintName = Params.optString(p, "blueprint_name");
        String snapshotId = Params.optString(p, "snapshot_id");
        int sources = (blueprintId != null ? 1 : 0) + (blueprintName != null ? 1 : 0) + (snapshotId != null ? 1 : 0);
        if (sources > 1) {
            throw ApiException.badRequest("blueprint_id", "give at most one of blueprint_id, blueprint_name, snapshot_id");
        }
        JsonObject blueprint = null;
        if (blueprintId != null) {
            blueprint = b.store("blueprint").find(blueprintId);
            if (blueprint == null || !"created".equals(blueprint.getString("state"))) {
                throw ApiException.badRequest("blueprint_id", "unknown blueprint: " + blueprintId);
            }
        } else if (blueprintName != null) {
            blueprint = b.store("blueprint").list(bp -> blueprintName.equals(bp.getString("name"))
                    && "build_complete".equals(bp.getString("status")) && "created".equals(bp.getString("state")))
                    .stream().findFirst().orElseThrow(() -> ApiException.badRequest("blueprint_name",
                            "no built blueprint named " + blueprintName));
        }
        if (blueprint != null && !"build_complete".equals(blueprint.getString("status"))) {
            throw ApiException.badRequest("blueprint_id", "blueprint is not built: " + blueprint.getString("status"));
        }
        if (snapshotId != null) {
            JsonObject snap = b.store("snapshot").find(snapshotId);
            if (snap == null || !"complete".equals(snap.getString("_status"))) {
                throw ApiException.badRequest("snapshot_id", "unknown or unfinished snapshot: " + snapshotId);
            }
        }
        Params.stringMap(p, "file_mounts");
        Params.stringMap(p, "metadata");
        checkMounts(p);
        JsonObject lp = Params.optObject(p, "launch_parameters");
        if (lp != null) {
            Params.stringList(lp, "launch_commands");
            Double keepAlive = Params.optNumber(lp, "keep_alive_time_seconds");
            if (keepAlive != null && (keepAlive < 1 || keepAlive > 172800)) {
                throw ApiException.badRequest("launch_parameters.keep_alive_time_seconds", "must be 1..172800");
            }
        }
        String id = Ids.next("dbx");
        Path home = b.dir("devboxes", id);
        Map<String, String> env = baseEnv(home);
        env.putAll(Params.stringMap(p, "environment_variables"));
        for (Map.Entry<String, String> s : Params.stringMap(p, "secrets").entrySet()) {
            JsonObject secret = b.store("secret").find(s.getValue());
            if (secret == null) {
                throw ApiException.badRequest("secrets", "unknown secret: " + s.getValue());
            }
            env.put(s.getKey(), secret.getString("_value"));
        }
        Devbox d = new Devbox(id, home, p.copy(), env, blueprint == null ? null : blueprint.getString("id"), snapshotId);
        d.specs(specs(p, "gateways", "gateway", "gateway_config"), specs(p, "mcp", "mcp_config", "mcp_config"));
        b.devboxes.put(id, d);
        boolean flex = lp != null && "flex".equals(lp.getString("provisioning_tier"));
        d.moveTo(flex ? "queued" : "provisioning", null, null);
        if (flex) {
            after(d, () -> d.moveTo("provisioning", null, null), () -> initialize(d, p));
        } else {
            initialize(d, p);
        }
        return d;
    }

    /**
     * Resolves {@code gateways} / {@code mcp} entries ({@code {name: {gateway|mcp_config: id or name,
     * secret: id or name}}}) to {@code {name: {config id, secret id}}}; unknown ones are a 400.
     */
    private Map<String, String[]> specs(JsonObject p, String field, String configKey, String kind) {
        Map<String, String[]> out = new LinkedHashMap<>();
        JsonObject entries = Params.optObject(p, field);
        if (entries == null) {
            return out;
        }
        for (String name : entries.fieldNames()) {
            if (!(entries.getValue(name) instanceof JsonObject e)) {
                throw ApiException.badRequest(field + "." + name, field + "." + name + " must be an object");
            }
            String ref = Params.requiredString(e, configKey);
            JsonObject config = b.store(kind).find(ref);
            if (config == null) {
                config = b.store(kind).list(c -> ref.equals(c.getString("name"))).stream().findFirst()
                        .orElseThrow(() -> ApiException.badRequest(field + "." + name + "." + configKey, "unknown " + kind + ": " + ref));
            }
            String secretRef = Params.requiredString(e, "secret");
            JsonObject secret = b.store("secret").find(secretRef);
            if (secret == null) {
                secret = b.store("secret").list(s -> secretRef.equals(s.getString("id"))).stream().findFirst()
                        .orElseThrow(() -> ApiException.badRequest(field + "." + name + ".secret", "unknown secret: " + secretRef));
            }
            out.put(name, new String[] {config.getString("id"), secret.getString("id")});
        }
        return out;
    }

    private void checkMounts(JsonObject p) {
        JsonArray mounts = Params.optArray(p, "mounts");
        if (mounts == null) {
            return;
        }
        for (int i = 0; i < mounts.size(); i++) {
            if (!(mounts.getValue(i) instanceof JsonObject m)) {
                throw ApiException.badRequest("mounts", "mounts[" + i + "] must be an object");
            }
            String type = Params.requiredString(m, "type");
            if ("object_mount".equals(type)) {
                String oid = Params.requiredString(m, "object_id");
                Params.requiredString(m, "object_path");
                JsonObject obj = b.store("object").find(oid);
                if (obj == null || !"READ_ONLY".equals(obj.getString("state"))) {
                    throw ApiException.badRequest("mounts", "mounts[" + i + "]: object not found or not completed: " + oid);
                }
            } else if ("agent_mount".equals(type)) {
                String agentId = Params.optString(m, "agent_id");
                String agentName = Params.optString(m, "agent_name");
                if (agentId == null && agentName == null) {
                    throw ApiException.badRequest("mounts", "mounts[" + i + "]: agent_id or agent_name is required");
                }
                if (agentId != null && b.store("agent").find(agentId) == null) {
                    throw ApiException.badRequest("mounts", "mounts[" + i + "]: unknown agent: " + agentId);
                }
            } else if ("file_mount".equals(type)) {
                Params.requiredString(m, "target");
                Params.requiredString(m, "content");
            }
        }
    }

    private static Map<String, String> baseEnv(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path != null ? path : "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("USER", "user");
        env.put("SHELL", "/bin/sh");
        env.put("LANG", "C.UTF-8");
        return env;
    }

    private void initialize(Devbox d, JsonObject p) {
        after(d, () -> d.moveTo("initializing", null, null), () -> b.vertx.executeBlocking(() -> {
            setUp(d, p);
            return true;
        }, false).onComplete(r -> {
            if (r.failed()) {
                d.log("setup_commands", null, "setup failed: " + r.cause().getMessage());
                d.moveTo("failure", "execution_failed", null);
            } else {
                after(d, () -> d.moveTo("running", null, null), () -> touch(d));
            }
        }));
    }

    private void setUp(Devbox d, JsonObject p) throws IOException {
        Files.createDirectories(d.home);
        if (d.snapshotId != null) {
            Trees.copy(b.dir("snapshots", d.snapshotId), d.home);
        } else if (d.blueprintId != null) {
            Trees.copy(b.dir("blueprints", d.blueprintId), d.home);
        }
        for (Map.Entry<String, String> f : Params.stringMap(p, "file_mounts").entrySet()) {
            write(PathGuard.resolve(d.home, f.getKey(), "file_mounts"), f.getValue());
        }
        JsonArray mounts = p.getJsonArray("mounts", new JsonArray());
        for (Object o : mounts) {
            JsonObject m = (JsonObject) o;
            if ("file_mount".equals(m.getString("type"))) {
                write(PathGuard.resolve(d.home, m.getString("target"), "mounts.target"), m.getString("content"));
            } else if ("object_mount".equals(m.getString("type"))) {
                JsonObject obj = b.store("object").get(m.getString("object_id"));
                Path target = PathGuard.resolve(d.home, m.getString("object_path"), "mounts.object_path");
                Archives.unpack(obj.getString("content_type"), b.dir("objects", obj.getString("id")), d.home, target);
            }
        }
        List<String> commands = d.launchParameters.getJsonArray("launch_commands", new JsonArray()).stream()
                .map(String::valueOf).toList();
        for (String cmd : commands) {
            Execution ex = b.exec.start(d, cmd, null, false, null);
            Execution done = ex.done().join();
            if (done.exitStatus() != 0) {
                throw new IOException("launch command failed with exit " + done.exitStatus() + ": " + cmd);
            }
        }
    }

    private static void write(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target, content, StandardCharsets.UTF_8);
    }

    /** @param d devbox to suspend (must be running) */
    public void suspend(Devbox d) {
        requireStatus(d, "running", "suspend");
        d.moveTo("suspending", null, null);
        cancelIdle(d);
        b.exec.killAll(d.id);
        after(d, () -> d.moveTo("suspended", null, null), () -> { });
    }

    /** @param d devbox to resume (must be suspended) */
    public void resume(Devbox d) {
        requireStatus(d, "suspended", "resume");
        d.moveTo("resuming", null, null);
        after(d, () -> d.moveTo("running", null, null), () -> touch(d));
    }

    /** @param d devbox to end @param force also while a snapshot is being taken @param reason shutdown reason */
    public void shutdown(Devbox d, boolean force, String reason) {
        if (Devbox.TERMINAL.contains(d.status())) {
            return;
        }
        synchronized (d) {
            if (d.snapshotsInProgress > 0 && !force) {
                throw ApiException.conflict("a snapshot of " + d.id + " is in progress; use force=true");
            }
        }
        cancelIdle(d);
        b.vertx.cancelTimer(d.stepTimer);
        b.exec.killAll(d.id);
        d.moveTo("shutdown", null, reason);
    }

    /**
     * Resets the idle/keep-alive timer of a running devbox.
     *
     * @param d the devbox
     */
    public void touch(Devbox d) {
        if (!"running".equals(d.status())) {
            return;
        }
        JsonObject idle = d.launchParameters.getJsonObject("after_idle");
        JsonObject lifecycle = d.launchParameters.getJsonObject("lifecycle");
        if (lifecycle != null && lifecycle.getJsonObject("after_idle") != null) {
            idle = lifecycle.getJsonObject("after_idle");
        }
        long ms;
        Runnable action;
        if (idle != null) {
            ms = idle.getLong("idle_time_seconds", 3600L) * b.config.timerSecond().toMillis();
            boolean suspend = "suspend".equals(idle.getString("on_idle"));
            action = () -> {
                if (suspend && "running".equals(d.status())) {
                    suspend(d);
                } else {
                    shutdown(d, true, "idle");
                }
            };
        } else {
            ms = d.launchParameters.getLong("keep_alive_time_seconds", 3600L) * b.config.timerSecond().toMillis();
            action = () -> shutdown(d, true, "keep_alive_timeout");
        }
        synchronized (d) {
            b.vertx.cancelTimer(d.idleTimer);
            d.idleTimer = b.vertx.setTimer(Math.max(1, ms), t -> action.run());
        }
    }

    private void cancelIdle(Devbox d) {
        synchronized (d) {
            b.vertx.cancelTimer(d.idleTimer);
        }
    }

    /**
     * @param d the devbox
     * @param wanted the status an action needs
     * @param action what was asked (for the message)
     */
    public static void requireStatus(Devbox d, String wanted, String action) {
        String s = d.status();
        if (!wanted.equals(s)) {
            throw ApiException.conflict("cannot " + action + " devbox " + d.id + ": it is " + s + ", not " + wanted);
        }
    }

    private void after(Devbox d, Runnable step, Runnable then) {
        long ms = Math.max(1, b.config.statusDelay().toMillis());
        d.stepTimer = b.vertx.setTimer(ms, t -> {
            if (Devbox.TERMINAL.contains(d.status())) {
                return;
            }
            step.run();
            then.run();
        });
    }
}
