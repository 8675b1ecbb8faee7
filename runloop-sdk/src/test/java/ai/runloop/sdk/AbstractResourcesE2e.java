package ai.runloop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.SseStream;
import ai.runloop.model.agents.AgentCreateParams;
import ai.runloop.model.devboxes.GatewayTokenView;
import ai.runloop.model.devboxes.McpTokenView;
import ai.runloop.model.axons.AxonCreateParams;
import ai.runloop.model.axons.AxonEventView;
import ai.runloop.model.axons.AxonPublishParams;
import ai.runloop.model.axons.AxonUpdateParams;
import ai.runloop.model.axons.SqlBatchParams;
import ai.runloop.model.axons.SqlQueryParams;
import ai.runloop.model.axons.SqlStatementParams;
import ai.runloop.model.benchmarks.BenchmarkCreateParams;
import ai.runloop.model.benchmarks.BenchmarkUpdateParams;
import ai.runloop.model.devboxes.DevboxStatus;
import ai.runloop.model.gatewayconfigs.GatewayConfigCreateParams;
import ai.runloop.model.gatewayconfigs.GatewayConfigUpdateParams;
import ai.runloop.model.mcpconfigs.McpConfigCreateParams;
import ai.runloop.model.mcpconfigs.McpConfigUpdateParams;
import ai.runloop.model.networkpolicies.NetworkPolicyCreateParams;
import ai.runloop.model.networkpolicies.NetworkPolicyUpdateParams;
import ai.runloop.model.scenarios.ScenarioCreateParams;
import ai.runloop.model.scenarios.ScenarioRunState;
import ai.runloop.model.scenarios.ScenarioUpdateParams;
import ai.runloop.model.scenarios.ScorerCreateParams;
import ai.runloop.model.scenarios.ScorerUpdateParams;
import ai.runloop.model.shared.AuthMechanism;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents, scenarios and runs, scorers, benchmarks, secrets, policies, configs and axons, in both flavours. */
abstract class AbstractResourcesE2e extends E2eBase {

    @Test
    void agents() {
        Agent agent = sdk.agent().create(AgentCreateParams.builder().name("e2e-agent").version("1.0").build());
        assertEquals("e2e-agent", agent.getInfo().name());
        assertTrue(sdk.agent().list().contains(agent));
        assertEquals(agent, sdk.agent().fromId(agent.id()));
        agent.delete();
        AsyncAgent a = await(asyncSdk.agent().create(AgentCreateParams.builder().name("e2e-agent-2").build()));
        assertEquals("e2e-agent-2", await(a.getInfo()).name());
        assertTrue(await(asyncSdk.agent().list()).contains(a));
        await(a.delete());
    }

    @Test
    void agentPresetsPublicListAndCounts() {
        Agent npm = sdk.agent().createFromNpm("e2e-npm", "@acme/agent", "2.1.0");
        assertEquals("npm", npm.getInfo().source().type());
        assertEquals("@acme/agent", npm.getInfo().source().npm().packageName());
        assertEquals("2.1.0", npm.getInfo().version());
        Agent pip = sdk.agent().createFromPip("e2e-pip", "acme-agent", null);
        assertEquals("acme-agent", pip.getInfo().source().pip().packageName());
        Agent git = sdk.agent().createFromGit("e2e-git", "https://example.com/acme/agent.git", "v3");
        assertEquals("v3", git.getInfo().source().git().ref());
        AsyncAgent object = await(asyncSdk.agent().createFromObject("e2e-object", "obj_123"));
        assertEquals("obj_123", await(object.getInfo()).source().object().objectId());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> sdk.agent().createFromNpm("e2e-bad", " ", null));
        assertTrue(bad.getMessage().contains("packageName"), bad.getMessage());
        assertFalse(sdk.agent().listPublic(null).isEmpty(), "the emulator's catalog has a public agent");
        assertNotNull(sdk.agent().devboxCounts());
        for (Agent a : List.of(npm, pip, git)) {
            a.delete();
        }
        await(object.delete());
    }

    @Test
    void scenarioBuilderValidatesAndNormalisesWeights() {
        ScenarioBuilder<Scenario> b = sdk.scenario().builder("s");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertTrue(e.getMessage().contains("problemStatement"), e.getMessage());
        b.withProblemStatement("fix it");
        e = assertThrows(IllegalStateException.class, b::build);
        assertTrue(e.getMessage().contains("scorer"), e.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> b.addShellCommandScorer("x", "true", 0));
        assertTrue(w.getMessage().contains("weight") && w.getMessage().contains("0.0"), w.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.addShellCommandScorer("bad name", "true", 1));
        ScenarioCreateParams p = b.addShellCommandScorer("a", "true", 3).addBashScriptScorer("b", "echo score=1", 1)
                .addTestCommandScorer("c", "true", 1).addPythonScriptScorer("d", "print(1.0)", 1)
                .addAstGrepScorer("e", "foo($A)", null, null, 1).addCustomScorer("f", "my_type", null, 1)
                .fromSnapshotId("snp_1").fromBlueprintId("bpt_1").withWorkingDirectory("/home/user")
                .withMetadata(Map.of("k", "v")).withReferenceOutput("diff").withRequiredEnvVars(List.of("E"))
                .withRequiredSecrets(List.of("S")).build();
        double sum = p.scoringContract().scoringFunctionParameters().stream().mapToDouble(f -> f.weight()).sum();
        assertEquals(1.0, sum, 1e-9);
        assertEquals(3.0 / 8, p.scoringContract().scoringFunctionParameters().get(0).weight(), 1e-9);
        assertEquals("bpt_1", p.environmentParameters().blueprintId());
        assertEquals(null, p.environmentParameters().snapshotId());
        assertEquals("fix it", p.inputContext().problemStatement());
    }

    @Test
    void scenariosRunAndScoreBlocking(@TempDir Path tmp) {
        Scenario scenario = sdk.scenario().builder("e2e-scenario").withProblemStatement("make a file")
                .addShellCommandScorer("has_file", "test -f done.txt", 1).push();
        assertEquals("e2e-scenario", scenario.getInfo().name());
        assertTrue(sdk.scenario().list().stream().map(Scenario::id).collect(Collectors.toList()).contains(scenario.id()));
        assertEquals("renamed", scenario.update(ScenarioUpdateParams.builder().name("renamed").build()).name());
        ScenarioRun run = scenario.run("run-1", PollingConfig.timeout(Duration.ofSeconds(60)));
        assertNotNull(run.devboxId());
        Devbox devbox = run.devbox();
        assertEquals(DevboxStatus.RUNNING, devbox.getInfo().status());
        devbox.cmd().exec("touch done.txt");
        assertNotNull(run.awaitEnvReady(null));
        assertEquals(ScenarioRunState.SCORED, run.scoreAndAwait(null).state());
        assertNotNull(run.getScore());
        assertEquals(ScenarioRunState.COMPLETED, run.complete().state());
        long size = run.downloadLogs(tmp.resolve("logs.zip"));
        assertTrue(size > 0);
        ScenarioRun other = sdk.scenario().fromId(scenario.id()).runAsync("run-2");
        assertNotNull(other.getInfo());
        assertNotNull(other.cancel());
        ScenarioRun third = scenario.runAsync(ai.runloop.model.scenarios.ScenarioStartRunParams.builder()
                .scenarioId("ignored").runName("run-3").build());
        third.awaitEnvReady(null);
        assertNotNull(third.scoreAndComplete(null));
        ScenarioRun fourth = scenario.runAsync("run-4");
        fourth.score();
        assertEquals(ScenarioRunState.SCORED, fourth.awaitScored(null).state());
        fourth.cancel();
    }

    @Test
    void scenariosAsync() {
        AsyncScenario s = await(asyncSdk.scenario().builder("e2e-async-scenario").withProblemStatement("p")
                .addShellCommandScorer("ok", "true", 2).push());
        assertEquals(s, asyncSdk.scenario().fromId(s.id()));
        assertNotNull(await(s.getInfo()));
        await(s.update(ScenarioUpdateParams.builder().referenceOutput("r").build()));
        assertTrue(await(asyncSdk.scenario().list()).contains(s));
        AsyncScenarioRun run = await(s.run("r1", null));
        assertNotNull(run.devbox());
        assertEquals(ScenarioRunState.SCORED, await(run.scoreAndAwait(null)).state());
        assertNotNull(await(run.getScore()));
        await(run.complete());
        AsyncScenarioRun run2 = await(s.runAsync("r2"));
        await(run2.awaitEnvReady(null));
        await(run2.score());
        await(run2.awaitScored(null));
        await(run2.scoreAndComplete(null).exceptionally(t -> null));
        AsyncScenarioRun run3 = await(s.runAsync(ai.runloop.model.scenarios.ScenarioStartRunParams.builder()
                .scenarioId("x").build()));
        assertNotNull(await(run3.getInfo()));
        await(run3.cancel());
        AsyncScenario created = await(asyncSdk.scenario().create(asyncSdk.scenario().builder("direct")
                .withProblemStatement("p").addShellCommandScorer("ok", "true", 1).build()));
        assertNotNull(await(created.getInfo()));
        assertNotNull(sdk.scenario().create(sdk.scenario().builder("direct2").withProblemStatement("p")
                .addShellCommandScorer("ok", "true", 1).build()).getInfo());
    }

    @Test
    void scorers() {
        Scorer scorer = sdk.scorer().create(ScorerCreateParams.builder().type("e2e_scorer").bashScript("echo score=1").build());
        assertEquals("e2e_scorer", scorer.getInfo().type());
        assertEquals("echo score=0.5", scorer.update(ScorerUpdateParams.builder().type("e2e_scorer")
                .bashScript("echo score=0.5").build()).bashScript());
        assertTrue(sdk.scorer().list().contains(scorer));
        assertEquals(scorer, sdk.scorer().fromId(scorer.id()));
        AsyncScorer a = await(asyncSdk.scorer().create(ScorerCreateParams.builder().type("e2e_scorer_2").bashScript("x").build()));
        assertNotNull(await(a.getInfo()));
        await(a.update(ScorerUpdateParams.builder().type("e2e_scorer_2").bashScript("y").build()));
        assertTrue(await(asyncSdk.scorer().list()).contains(a));
    }

    @Test
    void benchmarksAndRuns() {
        Scenario scenario = sdk.scenario().builder("bench-scenario").withProblemStatement("p")
                .addShellCommandScorer("ok", "true", 1).push();
        Benchmark bench = sdk.benchmark().create(BenchmarkCreateParams.builder().name("e2e-bench").build());
        assertEquals("e2e-bench", bench.getInfo().name());
        assertTrue(bench.addScenarios(List.of(scenario.id())).scenarioIds().contains(scenario.id()));
        assertEquals("desc", bench.update(BenchmarkUpdateParams.builder().description("desc").build()).description());
        assertTrue(sdk.benchmark().list().contains(bench));
        assertEquals(bench, sdk.benchmark().fromId(bench.id()));
        BenchmarkRun run = bench.startRun("bench-run", Map.of("k", "v"));
        assertNotNull(run.getInfo());
        assertTrue(bench.listRuns().stream().anyMatch(r -> r.id().equals(run.id())));
        assertNotNull(run.listScenarioRuns());
        assertNotNull(run.complete());
        BenchmarkRun run2 = bench.startRun(null, null);
        assertNotNull(run2.cancel());
        assertTrue(bench.removeScenarios(List.of(scenario.id())).scenarioIds().isEmpty());

        AsyncBenchmark a = await(asyncSdk.benchmark().create(BenchmarkCreateParams.builder().name("e2e-bench-2")
                .scenarioIds(List.of(scenario.id())).build()));
        assertNotNull(await(a.getInfo()));
        await(a.update(BenchmarkUpdateParams.builder().attribution("me").build()));
        await(a.addScenarios(List.of(scenario.id())));
        assertTrue(await(asyncSdk.benchmark().list()).contains(a));
        AsyncBenchmarkRun ar = await(a.startRun("r", null));
        assertNotNull(await(ar.getInfo()));
        assertNotNull(await(ar.listScenarioRuns()));
        assertTrue(await(a.listRuns()).contains(ar));
        await(ar.cancel());
        AsyncBenchmarkRun ar2 = await(a.startRun(null, null));
        await(ar2.complete());
        await(a.removeScenarios(List.of(scenario.id())));
    }

    @Test
    void secretsByName() {
        Secret secret = sdk.secret().create("E2E_TOKEN", "s3cret-value");
        assertEquals("E2E_TOKEN", secret.name());
        assertNotNull(secret.id());
        assertEquals("E2E_TOKEN", secret.getInfo().name());
        assertTrue(sdk.secret().list().contains(secret));
        assertTrue(!secret.getInfo().toString().contains("s3cret-value"));
        assertNotNull(secret.update("other"));
        assertNotNull(sdk.secret().update("E2E_TOKEN", "third"));
        assertEquals(secret, sdk.secret().fromName("E2E_TOKEN"));
        assertNotNull(secret.delete());
        sdk.secret().create("E2E_TWO", "v");
        assertNotNull(sdk.secret().delete("E2E_TWO"));

        AsyncSecret a = await(asyncSdk.secret().create("E2E_ASYNC", "v"));
        assertNotNull(await(a.id()));
        assertNotNull(await(a.getInfo()));
        await(a.update("w"));
        await(asyncSdk.secret().update("E2E_ASYNC", "x"));
        assertTrue(await(asyncSdk.secret().list()).contains(a));
        await(asyncSdk.secret().fromName("E2E_ASYNC").delete());
        await(asyncSdk.secret().create("E2E_ASYNC_2", "v"));
        await(asyncSdk.secret().delete("E2E_ASYNC_2"));
    }

    @Test
    void networkPoliciesGatewayAndMcpConfigs() {
        NetworkPolicy np = sdk.networkPolicy().create(NetworkPolicyCreateParams.builder().name("e2e-np")
                .allowedHostnames(List.of("example.com")).build());
        assertEquals("e2e-np", np.getInfo().name());
        assertEquals("d", np.update(NetworkPolicyUpdateParams.builder().description("d").build()).description());
        assertTrue(sdk.networkPolicy().list().contains(np));
        assertEquals(np, sdk.networkPolicy().fromId(np.id()));
        assertNotNull(np.delete());
        AsyncNetworkPolicy anp = await(asyncSdk.networkPolicy().create(NetworkPolicyCreateParams.builder().name("e2e-np2").build()));
        await(anp.getInfo());
        await(anp.update(NetworkPolicyUpdateParams.builder().allowAll(true).build()));
        assertTrue(await(asyncSdk.networkPolicy().list()).contains(anp));
        await(anp.delete());

        AuthMechanism bearer = AuthMechanism.builder().type("bearer").build();
        GatewayConfig gw = sdk.gatewayConfig().create(GatewayConfigCreateParams.builder().name("e2e-gw")
                .endpoint("https://api.example.com").authMechanism(bearer).build());
        assertEquals("e2e-gw", gw.getInfo().name());
        assertEquals("d", gw.update(GatewayConfigUpdateParams.builder().description("d").build()).description());
        assertTrue(sdk.gatewayConfig().list().contains(gw));
        assertNotNull(sdk.gatewayConfig().fromId(gw.id()).delete());
        AsyncGatewayConfig agw = await(asyncSdk.gatewayConfig().create(GatewayConfigCreateParams.builder().name("e2e-gw2")
                .endpoint("https://b.example.com").authMechanism(bearer).build()));
        await(agw.getInfo());
        await(agw.update(GatewayConfigUpdateParams.builder().name("e2e-gw3").build()));
        assertTrue(await(asyncSdk.gatewayConfig().list()).contains(agw));
        await(agw.delete());

        McpConfig mcp = sdk.mcpConfig().create(McpConfigCreateParams.builder().name("github-e2e")
                .endpoint("https://mcp.example.com").allowedTools(List.of("*")).build());
        assertEquals("github-e2e", mcp.getInfo().name());
        assertEquals("d", mcp.update(McpConfigUpdateParams.builder().description("d").build()).description());
        assertTrue(sdk.mcpConfig().list().contains(mcp));
        assertNotNull(sdk.mcpConfig().fromId(mcp.id()).delete());
        AsyncMcpConfig amcp = await(asyncSdk.mcpConfig().create(McpConfigCreateParams.builder().name("gh-e2e2")
                .endpoint("https://m.example.com").allowedTools(List.of("a.*")).build()));
        await(amcp.getInfo());
        await(amcp.update(McpConfigUpdateParams.builder().allowedTools(List.of("*")).build()));
        assertTrue(await(asyncSdk.mcpConfig().list()).contains(amcp));
        await(amcp.delete());
    }

    @Test
    void devboxTokensForAGatewayAndAnMcpConfig() {
        sdk.secret().create("E2E_TOKEN_SECRET", "s3cret");
        GatewayConfig gw = sdk.gatewayConfig().create(GatewayConfigCreateParams.builder().name("e2e-token-gw")
                .endpoint("https://api.example.com").authMechanism(AuthMechanism.builder().type("bearer").build()).build());
        McpConfig mcp = sdk.mcpConfig().create(McpConfigCreateParams.builder().name("e2e-token-mcp")
                .endpoint("https://mcp.example.com").allowedTools(List.of("*")).build());
        try (Devbox devbox = sdk.devbox().create()) {
            GatewayTokenView g = devbox.createGatewayToken(gw.id(), "E2E_TOKEN_SECRET");
            assertEquals(devbox.id(), g.devboxId());
            assertFalse(g.token().isBlank());
            McpTokenView m = await(devbox.async().createMcpToken("e2e-token-mcp", "E2E_TOKEN_SECRET"));
            assertEquals(devbox.id(), m.devboxId());
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> devbox.createGatewayToken("", "E2E_TOKEN_SECRET"));
            assertTrue(bad.getMessage().contains("gateway"), bad.getMessage());
        } finally {
            gw.delete();
            mcp.delete();
            sdk.secret().delete("E2E_TOKEN_SECRET");
        }
    }

    @Test
    void axonsPublishSubscribeAndSql() {
        Axon axon = sdk.axon().create(AxonCreateParams.builder().name("e2e-axon").build());
        assertEquals("e2e-axon", axon.getInfo().name());
        assertNotNull(axon.update(AxonUpdateParams.builder().metadata(Map.of("k", "v")).build()));
        for (int i = 0; i < 3; i++) {
            axon.publish(AxonPublishParams.builder().eventType("push").origin(AxonPublishParams.Origin.USER_EVENT)
                    .payload("{\"n\":" + i + "}").source("e2e").build());
        }
        try (SseStream<AxonEventView> events = axon.subscribeSse(null)) {
            List<String> payloads = events.stream().limit(3).map(AxonEventView::payload).collect(Collectors.toList());
            assertEquals(List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}"), payloads);
        }
        assertNotNull(axon.sqlBatch(SqlBatchParams.builder().statements(List.of(
                SqlStatementParams.builder().sql("CREATE TABLE t (x INTEGER)").build(),
                SqlStatementParams.builder().sql("INSERT INTO t VALUES (1)").build())).build()));
        assertNotNull(axon.sqlQuery(SqlQueryParams.builder().sql("SELECT x FROM t").build()));
        assertTrue(sdk.axon().list().contains(axon));
        assertEquals(axon, sdk.axon().fromId(axon.id()));
        axon.delete();

        AsyncAxon a = await(asyncSdk.axon().create(AxonCreateParams.builder().build()));
        await(a.getInfo());
        await(a.update(AxonUpdateParams.builder().metadata(Map.of()).build()));
        await(a.publish(AxonPublishParams.builder().eventType("e").origin(AxonPublishParams.Origin.AGENT_EVENT)
                .payload("{}").source("s").build()));
        try (SseStream<AxonEventView> events = a.subscribeSse(null)) {
            assertEquals("e", events.stream().findFirst().orElseThrow().eventType());
        }
        await(a.sqlQuery(SqlQueryParams.builder().sql("SELECT 1").build()));
        await(a.sqlBatch(SqlBatchParams.builder().statements(List.of(SqlStatementParams.builder().sql("SELECT 1").build())).build()));
        assertTrue(await(asyncSdk.axon().list()).contains(a));
        await(a.delete());
    }

    @Test
    void sdkEntryPoints() {
        assertNotNull(sdk.api().devboxes());
        assertEquals(sdk.api(), asyncSdk.api());
        assertNotNull(sdk.devbox().async());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RunloopSDK.builder().environment(Map.of()).baseUrl("http://127.0.0.1:1").build());
        assertTrue(e.getMessage().contains("API key"), e.getMessage());
        try (AsyncRunloopSDK other = AsyncRunloopSDK.builder().environment(Map.of("RUNLOOP_API_KEY", emulator.token(),
                "RUNLOOP_BASE_URL", emulator.baseUrl().toString())).build()) {
            assertNotNull(await(other.devbox().list()));
            assertTrue(!other.toString().contains(emulator.token()));
        }
        try (RunloopSDK wrapped = RunloopSDK.builder().client(ai.runloop.api.RunloopClient.builder()
                .environment(Map.of()).baseUrl(emulator.baseUrl().toString()).apiKey(emulator.token()).build()).build()) {
            assertNotNull(wrapped.devbox().list());
        }
    }
}
