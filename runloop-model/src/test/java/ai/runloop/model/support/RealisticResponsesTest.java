package ai.runloop.model.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.model.blueprints.BlueprintView;
import ai.runloop.model.devboxes.DevboxAsyncExecutionDetailView;
import ai.runloop.model.devboxes.DevboxStatus;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.devboxes.ExecutionStatus;
import ai.runloop.model.devboxes.TunnelAuthMode;
import ai.runloop.model.objects.ObjectContentType;
import ai.runloop.model.objects.ObjectState;
import ai.runloop.model.objects.ObjectView;
import ai.runloop.model.scenarios.ScenarioRunState;
import ai.runloop.model.scenarios.ScenarioRunView;
import ai.runloop.model.shared.AfterIdle;
import ai.runloop.model.shared.DevboxCapability;
import ai.runloop.model.shared.LaunchParameters;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Decodes realistic API responses (test resources under responses/) and checks the values. */
class RealisticResponsesTest {
    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static <T> T read(String file, Class<T> type) throws IOException {
        try (InputStream in = RealisticResponsesTest.class.getResourceAsStream("/responses/" + file)) {
            return JSONB.fromJson(in, type);
        }
    }

    @Test
    void devboxView() throws IOException {
        DevboxView d = read("devbox-view.json", DevboxView.class);
        assertEquals("dbx_31Xq9ZkQmW7pL2rT", d.id());
        assertEquals(DevboxStatus.RUNNING, d.status());
        assertEquals(List.of(DevboxCapability.DOCKER_IN_DOCKER), d.capabilities());
        assertEquals(Instant.ofEpochMilli(1764000000000L), d.createTime());
        assertNull(d.endTimeMs());
        assertNull(d.endTime());
        assertEquals(Map.of("team", "evals", "run", "nightly"), d.metadata());
        LaunchParameters lp = d.launchParameters();
        assertEquals(LaunchParameters.ResourceSizeRequest.MEDIUM, lp.resourceSizeRequest());
        assertEquals(3600, lp.keepAliveTimeSeconds());
        assertEquals(AfterIdle.OnIdle.SUSPEND, lp.afterIdle().onIdle());
        assertEquals(1000, lp.userParameters().uid());
        assertEquals(3, d.stateTransitions().size());
        assertEquals(DevboxStatus.INITIALIZING, d.stateTransitions().get(1).status());
        assertEquals(1764000004100L, d.stateTransitions().get(2).transitionTimeMs());
        assertEquals(TunnelAuthMode.AUTHENTICATED, d.tunnel().authMode());
        assertEquals("gwc_1", d.gatewaySpecs().get("GWS_ANTHROPIC").gatewayConfigId());
    }

    @Test
    void blueprintViewKeepsAnUnknownCapability() throws IOException {
        BlueprintView b = read("blueprint-view.json", BlueprintView.class);
        assertEquals(BlueprintView.Status.BUILD_COMPLETE, b.status());
        assertEquals(BlueprintView.State.CREATED, b.state());
        assertFalse(b.isPublic());
        assertEquals(DevboxCapability.UNKNOWN, b.devboxCapabilities().get(0));
        DevboxCapability newer = b.devboxCapabilities().get(1);
        assertFalse(newer.isKnown());
        assertEquals("gpu_passthrough", newer.value());
        assertTrue(JSONB.toJson(b).contains("\"gpu_passthrough\""), "an unknown value is written back unchanged");
        assertEquals(List.of("pip install pandas==2.2.3", "pip install pyarrow"), b.parameters().systemSetupCommands());
        assertEquals("obj_ctx1", b.parameters().buildContext().objectId());
        assertEquals("object", b.parameters().buildContext().type());
        assertEquals("p", b.parameters().services().get(0).credentials().password());
        assertEquals(List.of("5432:5432"), b.containerizedServices().get(0).portMappings());
        assertEquals(95_000L, b.buildFinishTimeMs() - b.createTimeMs());
    }

    @Test
    void objectView() throws IOException {
        ObjectView o = read("object-view.json", ObjectView.class);
        assertEquals(ObjectContentType.TGZ, o.contentType());
        assertEquals(ObjectState.READ_ONLY, o.state());
        assertEquals(52_428_800L, o.sizeBytes());
        assertEquals(Instant.ofEpochMilli(1764604900000L), o.deleteAfterTime());
        assertNull(o.uploadUrl());
    }

    @Test
    void scenarioRunView() throws IOException {
        ScenarioRunView r = read("scenario-run-view.json", ScenarioRunView.class);
        assertEquals(ScenarioRunState.SCORED, r.state());
        assertEquals(0.75, r.scoringContractResult().score());
        assertEquals("12 passed", r.scoringContractResult().scoringFunctionResults().get(0).output());
        assertEquals(0.5, r.scoringContractResult().scoringFunctionResults().get(1).score());
        assertEquals(Map.of(), r.metadata());
        assertEquals("openai-key", r.secretsProvided().get("OPENAI_API_KEY"));
    }

    @Test
    void asyncExecutionDetailView() throws IOException {
        DevboxAsyncExecutionDetailView e = read("devbox-async-execution-detail-view.json", DevboxAsyncExecutionDetailView.class);
        assertEquals(ExecutionStatus.COMPLETED, e.status());
        assertEquals(2, e.exitStatus());
        assertEquals("line one\nline two ✓\n", e.stdout());
        assertTrue(e.stderrTruncated());
        assertEquals("main", e.shellName());
    }
}
