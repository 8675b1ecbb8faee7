package ai.runloop.emulator.internal.devbox;

import ai.runloop.emulator.internal.exec.ExecTarget;
import ai.runloop.emulator.internal.exec.Execution;
import ai.runloop.emulator.internal.server.Wire;
import ai.runloop.emulator.internal.util.Watchers;
import ai.runloop.model.devboxes.DevboxResourceUsageView;
import ai.runloop.model.devboxes.DevboxStatus;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.devboxes.TunnelView;
import ai.runloop.model.shared.LaunchParameters;
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
    final LaunchParameters launchParams;
    final String blueprintId;
    final String snapshotId;
    final Map<String, String> env;
    final JsonObject createParams;
    final Watchers watchers = new Watchers();
    private final List<JsonObject> transitions = new ArrayList<>();
    private final List<JsonObject> logs = new ArrayList<>();
    private String name;
    private Map<String, String[]> gatewaySpecs = Map.of();
    private Map<String, String[]> mcpSpecs = Map.of();
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
        this.launchParams = Wire.read(launchParameters, LaunchParameters.class, "launch_parameters");
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

    /** @return the mounts the devbox was created with (each a Mount JSON object) */
    public List<JsonObject> mounts() {
        List<JsonObject> out = new ArrayList<>();
        Object m = createParams.getValue("mounts");
        if (m instanceof io.vertx.core.json.JsonArray a) {
            for (Object o : a) {
                if (o instanceof JsonObject j) {
                    out.add(j);
                }
            }
        }
        return out;
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

    synchronized void specs(Map<String, String[]> gateways, Map<String, String[]> mcp) {
        gatewaySpecs = Map.copyOf(gateways);
        mcpSpecs = Map.copyOf(mcp);
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

    /** @return the {@code DevboxView} record of this devbox */
    public synchronized DevboxView record() {
        List<DevboxView.StateTransition> history = new ArrayList<>();
        for (JsonObject t : transitions) {
            history.add(DevboxView.StateTransition.builder().status(DevboxStatus.of(t.getString("status")))
                    .transitionTimeMs(t.getLong("transition_time_ms")).failureReason(t.getString("failure_reason")).build());
        }
        return DevboxView.builder().id(id).status(DevboxStatus.of(status)).createTimeMs(createTimeMs).endTimeMs(endTimeMs)
                .capabilities(List.of()).launchParameters(launchParams).metadata(new LinkedHashMap<>(metadata))
                .stateTransitions(history).initiatorType(DevboxView.InitiatorType.API).name(name)
                .blueprintId(blueprintId).snapshotId(snapshotId)
                .failureReason(failureReason == null ? null : DevboxView.FailureReason.of(failureReason))
                .shutdownReason(shutdownReason == null ? null : DevboxView.ShutdownReason.of(shutdownReason))
                .tunnel(tunnel == null ? null : Wire.read(tunnel, TunnelView.class))
                .gatewaySpecs(gatewaySpecs.isEmpty() ? null : mapValues(gatewaySpecs, v -> DevboxView.GatewaySpecs.builder()
                        .gatewayConfigId(v[0]).secretId(v[1]).build()))
                .mcpSpecs(mcpSpecs.isEmpty() ? null : mapValues(mcpSpecs, v -> DevboxView.McpSpecs.builder()
                        .mcpConfigId(v[0]).secretId(v[1]).build())).build();
    }

    private static <T> Map<String, T> mapValues(Map<String, String[]> in, java.util.function.Function<String[], T> f) {
        Map<String, T> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, f.apply(v)));
        return out;
    }

    /** @return the DevboxView JSON */
    public JsonObject view() {
        return Wire.json(record());
    }

    /** @return the DevboxResourceUsageView JSON */
    public synchronized JsonObject usage() {
        long now = endTimeMs != null ? endTimeMs : System.currentTimeMillis();
        long active = activeMillis + ("running".equals(status) ? now - activeSince : 0);
        long elapsed = (now - createTimeMs) / 1000;
        long activeSec = active / 1000;
        return Wire.json(DevboxResourceUsageView.builder().id(id).status(status).startTimeMs(createTimeMs).endTimeMs(endTimeMs)
                .totalElapsedSeconds(elapsed).totalActiveSeconds(activeSec).vcpuSeconds(activeSec * 2)
                .memoryGbSeconds(activeSec * 4).diskGbSeconds(elapsed * 10).build());
    }
}
