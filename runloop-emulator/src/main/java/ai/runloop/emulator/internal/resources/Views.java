package ai.runloop.emulator.internal.resources;

import ai.runloop.emulator.internal.server.Wire;
import ai.runloop.model.blueprints.BlueprintBuildParameters;
import ai.runloop.model.blueprints.BlueprintView;
import ai.runloop.model.devboxes.DevboxSnapshotView;
import ai.runloop.model.objects.ObjectContentType;
import ai.runloop.model.objects.ObjectState;
import ai.runloop.model.objects.ObjectView;
import ai.runloop.model.scenarios.ScenarioRunState;
import ai.runloop.model.scenarios.ScenarioRunView;
import ai.runloop.model.scenarios.ScoringContractResultView;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stored resources are JSON objects whose keys starting with {@code _} are private state. */
final class Views {
    private Views() {
    }

    /** @param stored the stored object @return a copy without private keys */
    static JsonObject pub(JsonObject stored) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, Object> e : stored) {
            if (!e.getKey().startsWith("_")) {
                out.put(e.getKey(), e.getValue() instanceof JsonObject o ? o.copy() : e.getValue());
            }
        }
        return out;
    }

    /** @param o a stored object @param uploadUrl its presigned PUT URL (create only) or null @return its ObjectView record */
    static ObjectView object(JsonObject o, String uploadUrl) {
        synchronized (o) {
            return ObjectView.builder().id(o.getString("id")).name(o.getString("name"))
                    .contentType(ObjectContentType.of(o.getString("content_type"))).createTimeMs(o.getLong("create_time_ms"))
                    .state(ObjectState.of(o.getString("state"))).deleteAfterTimeMs(o.getLong("delete_after_time_ms"))
                    .metadata(strings(o.getJsonObject("metadata"))).sizeBytes(o.getLong("size_bytes")).uploadUrl(uploadUrl).build();
        }
    }

    /** @param s a stored snapshot @return its DevboxSnapshotView record */
    static DevboxSnapshotView snapshot(JsonObject s) {
        synchronized (s) {
            return DevboxSnapshotView.builder().id(s.getString("id")).createTimeMs(s.getLong("create_time_ms"))
                    .metadata(strings(s.getJsonObject("metadata"))).sourceDevboxId(s.getString("source_devbox_id"))
                    .commitMessage(s.getString("commit_message")).name(s.getString("name")).sizeBytes(s.getLong("size_bytes"))
                    .sourceBlueprintId(s.getString("source_blueprint_id")).build();
        }
    }

    /** @param bp a stored blueprint @return its BlueprintView record */
    static BlueprintView blueprint(JsonObject bp) {
        synchronized (bp) {
            String failure = bp.getString("failure_reason");
            return BlueprintView.builder().id(bp.getString("id")).name(bp.getString("name")).createTimeMs(bp.getLong("create_time_ms"))
                    .parameters(Wire.read(bp.getJsonObject("parameters"), BlueprintBuildParameters.class, "parameters"))
                    .state(BlueprintView.State.of(bp.getString("state"))).status(BlueprintView.Status.of(bp.getString("status")))
                    .baseBlueprintId(bp.getString("base_blueprint_id")).buildFinishTimeMs(bp.getLong("build_finish_time_ms"))
                    .failureReason(failure == null ? null : BlueprintView.FailureReason.of(failure))
                    .isPublic(Boolean.TRUE.equals(bp.getValue("is_public"))).metadata(strings(bp.getJsonObject("metadata"))).build();
        }
    }

    /** @param run a stored scenario run @return its ScenarioRunView record */
    static ScenarioRunView scenarioRun(JsonObject run) {
        synchronized (run) {
            JsonObject result = run.getJsonObject("scoring_contract_result");
            JsonObject env = run.getJsonObject("environment_variables");
            return ScenarioRunView.builder().id(run.getString("id")).devboxId(run.getString("devbox_id"))
                    .scenarioId(run.getString("scenario_id")).state(ScenarioRunState.of(run.getString("state")))
                    .metadata(strings(run.getJsonObject("metadata"))).name(run.getString("name"))
                    .benchmarkRunId(run.getString("benchmark_run_id")).startTimeMs(run.getLong("start_time_ms"))
                    .durationMs(run.getLong("duration_ms")).purpose(run.getString("purpose"))
                    .environmentVariables(env == null ? null : strings(env))
                    .scoringContractResult(result == null ? null : Wire.read(result, ScoringContractResultView.class, "scoring_contract_result"))
                    .build();
        }
    }

    /** @param r a model record @return its JSON */
    static JsonObject json(Object r) {
        return Wire.json(r);
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o != null) {
            o.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return out;
    }

    /** @param query the query value or null @param value the field value @return true when no filter or equal */
    static boolean eq(String query, String value) {
        return query == null || query.equals(value);
    }

    /** @param search the search text or null @param value the name @return true when no search or contained */
    static boolean contains(String search, String value) {
        return search == null || (value != null && value.toLowerCase().contains(search.toLowerCase()));
    }
}
