package ai.runloop.sdk;

import ai.runloop.api.RunloopClient;
import ai.runloop.sdk.internal.SdkContext;

/**
 * The Runloop SDK, {@code CompletableFuture} flavour: every method returns at once and never blocks a
 * thread (safe on a Vert.x or Netty event loop); futures complete on transport threads. Thread-safe;
 * create one per application and close it at the end. {@link RunloopSDK} is the blocking flavour over
 * the same implementation.
 *
 * <pre>{@code
 * try (AsyncRunloopSDK sdk = AsyncRunloopSDK.create()) {       // RUNLOOP_API_KEY, RUNLOOP_BASE_URL
 *     sdk.devbox().create()
 *        .thenCompose(devbox -> devbox.cmd().exec("echo hi")
 *            .thenCompose(result -> result.stdoutAsync())
 *            .whenComplete((out, e) -> devbox.shutdown()))
 *        .thenAccept(System.out::println)
 *        .join();
 * }
 * }</pre>
 */
public final class AsyncRunloopSDK implements AutoCloseable {
    private final RunloopClient client;
    private final AsyncDevboxOps devbox;
    private final AsyncBlueprintOps blueprint;
    private final AsyncSnapshotOps snapshot;
    private final AsyncStorageObjectOps storageObject;
    private final AsyncAgentOps agent;
    private final AsyncScenarioOps scenario;
    private final AsyncScorerOps scorer;
    private final AsyncBenchmarkOps benchmark;
    private final AsyncSecretOps secret;
    private final AsyncNetworkPolicyOps networkPolicy;
    private final AsyncGatewayConfigOps gatewayConfig;
    private final AsyncMcpConfigOps mcpConfig;
    private final AsyncAxonOps axon;

    private final SdkContext ctx;

    AsyncRunloopSDK(RunloopClient client) {
        this.client = client;
        this.ctx = SdkContext.of(client);
        this.devbox = new AsyncDevboxOps(ctx);
        this.blueprint = new AsyncBlueprintOps(ctx);
        this.snapshot = new AsyncSnapshotOps(ctx);
        this.storageObject = new AsyncStorageObjectOps(ctx);
        this.agent = new AsyncAgentOps(ctx);
        this.scenario = new AsyncScenarioOps(ctx);
        this.scorer = new AsyncScorerOps(ctx);
        this.benchmark = new AsyncBenchmarkOps(ctx);
        this.secret = new AsyncSecretOps(ctx);
        this.networkPolicy = new AsyncNetworkPolicyOps(ctx);
        this.gatewayConfig = new AsyncGatewayConfigOps(ctx);
        this.mcpConfig = new AsyncMcpConfigOps(ctx);
        this.axon = new AsyncAxonOps(ctx);
    }

    /** @return an SDK configured from the environment ({@code RUNLOOP_API_KEY}, {@code RUNLOOP_BASE_URL}) */
    public static AsyncRunloopSDK create() {
        return builder().build();
    }

    /** @return a builder whose defaults come from the environment */
    public static SdkBuilder<AsyncRunloopSDK> builder() {
        return new SdkBuilder<>(AsyncRunloopSDK::new);
    }

    /** @return the REST client underneath: every API endpoint one to one */
    public RunloopClient api() {
        return client;
    }

    /** @return devboxes: create (waits until running), find, list */
    public AsyncDevboxOps devbox() {
        return devbox;
    }

    /** @return blueprints: build (waits for the build), find, list */
    public AsyncBlueprintOps blueprint() {
        return blueprint;
    }

    /** @return disk snapshots: find, list (create them with devbox.snapshotDisk) */
    public AsyncSnapshotOps snapshot() {
        return snapshot;
    }

    /** @return storage objects: upload text, bytes, files, directories; find, list */
    public AsyncStorageObjectOps storageObject() {
        return storageObject;
    }

    /** @return agents */
    public AsyncAgentOps agent() {
        return agent;
    }

    /** @return scenarios and the scenario builder */
    public AsyncScenarioOps scenario() {
        return scenario;
    }

    /** @return custom scenario scorers */
    public AsyncScorerOps scorer() {
        return scorer;
    }

    /** @return benchmarks */
    public AsyncBenchmarkOps benchmark() {
        return benchmark;
    }

    /** @return secrets (by name) */
    public AsyncSecretOps secret() {
        return secret;
    }

    /** @return network policies */
    public AsyncNetworkPolicyOps networkPolicy() {
        return networkPolicy;
    }

    /** @return gateway configs */
    public AsyncGatewayConfigOps gatewayConfig() {
        return gatewayConfig;
    }

    /** @return MCP configs */
    public AsyncMcpConfigOps mcpConfig() {
        return mcpConfig;
    }

    /** @return axons (beta) */
    public AsyncAxonOps axon() {
        return axon;
    }

    /** Releases the transport. Handles stay valid as ids but can make no more calls. */
    @Override
    public void close() {
        ctx.close();
    }

    @Override
    public String toString() {
        return "AsyncRunloopSDK{" + client.baseUrl() + '}';
    }
}
