package ai.runloop.emulator.internal.devbox;

import ai.runloop.emulator.internal.exec.ExecTarget;
import ai.runloop.emulator.internal.exec.Execution;
import ai.runloop.emulator.internal.util.Watchers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One emulated devbox: a folder, an environment, a status with its history. Thread-safe. */
public final class Devbox implements ExecTarget {
    /** Statuses from which nothing moves on. */
    public static final Set<String> TERMINAL = Set.of("failure", "shutdown");

    final String id;
    final Path home;
    final long createTimeMs = System.currentTimeMillis();
    final JsonObject launchParameters;
    final String blueprintId;
    final String snapshotId;
    final Map<String, String> env;
    final JsonObject createParams;
    final Watchers watchers = new Watchers();
    private final List<JsonObject> transitions = new ArrayList<>();
    private final List<JsonObject> logs = new ArrayList<>();
    private String name;
    private Map<String, String> metadata;
    private String status;
    private Long endTimeMs;
    private String failureReason;
    private String shutdownReason;
    private JsonObject tunnel;
    private long activeSince;
    private long activeMillis;
    int snapshotsInProgress;
    long idleTimer = -1;
    long stepTimer = -1;

    Devbox(String id, Path home, JsonObject createParams, Map<String, String> env, String blueprintId, String snapshotId) {
        this.id = id;
        this.home = home;
        this.createParams = createParams;
        this.name = createParams.getString("name");
        this.metadata = new LinkedHashMap<>();
        JsonObject md = createParams.getJsonObject("metadata");
        if (md != null) {
            md.forEach(e -> metadata.put(e.getKey(), String.valueOf(e.getValue())));
        }
        JsonObject lp = createParams.getJsonObject("launch_parameters");
        this.launchParameters = lp == null ? new JsonObject() : lp.copy();
        this.env = Map.copyOf(env);
        this.blueprintId = blueprintId;
        this.snapshotId = snapshotId;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Map<String, String> environment() {
        return env;
    }

    @Override
    public synchronized void log(String source, Execution execution, String message) {
        JsonObject line = new JsonObject().put("level", "info").put("source", source)
                .put("timestamp_ms", System.currentTimeMillis()).put("message", message);
        if (execution != null) {
            line.put("cmd", execution.command()).put("cmd_id", execution.id());
            if (execution.shellName() != null) {
                line.put("shell_name", execution.shellName());
            }
            if (execution.exitStatus() != null) {
                line.put("exit_code", execution.exitStatus());
            }
        }
        logs.add(line);
    }

    /** Counts a snapshot being taken (shutdown without force then answers 409). */
    public synchronized void beginSnapshot() {
        snapshotsInProgress++;
    }

    /** Ends a snapshot counted by {@link #beginSnapshot()}. */
    public synchronized void endSnapshot() {
        snapshotsInProgress--;
    }

    /** @return the source blueprint id or null */
    public String blueprintId() {
        return blueprintId;
    }

    /** @return the current status */
    public synchronized String status() {
        return status;
    }

    /** @return listeners told about status changes */
    public Watchers watchers() {
        return watchers;
    }

    /**
     * Moves to a status and records the transition.
     *
     * @param next the new status
     * @param failure failure reason or null
     * @param shutdown shutdown reason or null
     * @return false when the devbox already ended
     */
    boolean moveTo(String next, String failure, String shutdown) {
        synchronized (this) {
            if (status != null && TERMINAL.contains(status)) {
                return false;
            }
            long now = System.currentTimeMillis();
            if ("running".equals(status)) {
                activeMillis += now - activeSince;
            }
            if ("running".equals(next)) {
                activeSince = now;
            }
            status = next;
            JsonObject t = new JsonObject().put("status", next).put("transition_time_ms", now);
            if (failure != null) {
                failureReason = failure;
                t.put("failure_reason", failure);
            }
            if (shutdown != null) {
                shutdownReason = shutdown;
            }
            if (TERMINAL.contains(next)) {
                endTimeMs = now;
            }
            transitions.add(t);
        }
        watchers.fire();
        return true;
    }

    synchronized void rename(String newName, Map<String, String> newMetadata) {
        if (newName != null) {
            name = newName;
        }
        if (newMetadata != null) {
            metadata = new LinkedHashMap<>(newMetadata);
        }
    }

    synchronized void tunnel(JsonObject value) {
        tunnel = value;
    }

    synchronized JsonObject tunnel() {
        return tunnel;
    }

    synchronized Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    synchronized List<JsonObject> logs() {
        return List.copyOf(logs);
    }

    /** @return the DevboxView JSON */
    public synchronized JsonObject view() {
        JsonObject v = new JsonObject().put("id", id).put("status", status).put("create_time_ms", createTimeMs)
                .put("end_time_ms", endTimeMs).put("capabilities", new JsonArray())
                .put("launch_parameters", launchParameters.copy()).put("metadata", new JsonObject(new LinkedHashMap<>(metadata)))
                .put("state_transitions", new JsonArray(new ArrayList<>(transitions))).put("initiator_type", "api")
                .put("name", name).put("blueprint_id", blueprintId).put("snapshot_id", snapshotId)
                .put("failure_reason", failureReason).put("shutdown_reason", shutdownReason);
        if (tunnel != null) {
            v.put("tunnel", tunnel.copy());
        }
        return v;
    }

    /** @return the DevboxResourceUsageView JSON */
    public synchronized JsonObject usage() {
        long now = endTimeMs != null ? endTimeMs : System.currentTimeMillis();
        long active = activeMillis + ("running".equals(status) ? now - activeSince : 0);
        long elapsed = (now - createTimeMs) / 1000;
        long activeSec = active / 1000;
        return new JsonObject().put("id", id).put("status", status).put("start_time_ms", createTimeMs)
                .put("end_time_ms", endTimeMs).put("total_elapsed_seconds", elapsed).put("total_active_seconds", activeSec)
                .put("vcpu_seconds", activeSec * 2).put("memory_gb_seconds", activeSec * 4).put("disk_gb_seconds", elapsed * 10);
    }
}
