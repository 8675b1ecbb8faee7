package ai.runloop.sdk;

import ai.runloop.api.RunloopClient;
import ai.runloop.api.internal.Lazily;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.atomic.AtomicReference;

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
    private final SdkContext ctx;
    // Made on first use, like the REST client's services: a program loads the classes of what it calls.
    private final AtomicReference<AsyncDevboxOps> devbox = new AtomicReference<>();
    private final AtomicReference<AsyncBlueprintOps> blueprint = new AtomicReference<>();
    private final AtomicReference<AsyncSnapshotOps> snapshot = new AtomicReference<>();
    private final AtomicReference<AsyncStorageObjectOps> storageObject = new AtomicReference<>();
    private final AtomicReference<AsyncAgentOps> agent = new AtomicReference<>();
    private final AtomicReference<AsyncScenarioOps> scenario = new AtomicReference<>();
    private final AtomicReference<AsyncScorerOps> scorer = new AtomicReference<>();
    private final AtomicReference<AsyncBenchmarkOps> benchmark = new AtomicReference<>();
    private final AtomicReference<AsyncSecretOps> secret = new AtomicReference<>();
    private final AtomicReference<AsyncNetworkPolicyOps> networkPolicy = new AtomicReference<>();
    private final AtomicReference<AsyncGatewayConfigOps> gatewayConfig = new AtomicReference<>();
    private final AtomicReference<AsyncMcpConfigOps> mcpConfig = new AtomicReference<>();
    private final AtomicReference<AsyncAxonOps> axon = new AtomicReference<>();

    AsyncRunloopSDK(RunloopClient client) {
        this.client = client;
        this.ctx = SdkContext.of(client);
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
        return Lazily.get(devbox, AsyncDevboxOps::new, ctx);
    }

    /** @return blueprints: build (waits for the build), find, list */
    public AsyncBlueprintOps blueprint() {
        return Lazily.get(blueprint, AsyncBlueprintOps::new, ctx);
    }

    /** @return disk snapshots: find, list (create them with devbox.snapshotDisk) */
    public AsyncSnapshotOps snapshot() {
        return Lazily.get(snapshot, AsyncSnapshotOps::new, ctx);
    }

    /** @return storage objects: upload text, bytes, files, directories; find, list */
    public AsyncStorageObjectOps storageObject() {
        return Lazily.get(storageObject, AsyncStorageObjectOps::new, ctx);
    }

    /** @return agents */
    public AsyncAgentOps agent() {
        return Lazily.get(agent, AsyncAgentOps::new, ctx);
    }

    /** @return scenarios and the scenario builder */
    public AsyncScenarioOps scenario() {
        return Lazily.get(scenario, AsyncScenarioOps::new, ctx);
    }

    /** @return custom scenario scorers */
    public AsyncScorerOps scorer() {
        return Lazily.get(scorer, AsyncScorerOps::new, ctx);
    }

    /** @return benchmarks */
    public AsyncBenchmarkOps benchmark() {
        return Lazily.get(benchmark, AsyncBenchmarkOps::new, ctx);
    }

    /** @return secrets (by name) */
    public AsyncSecretOps secret() {
        return Lazily.get(secret, AsyncSecretOps::new, ctx);
    }

    /** @return network policies */
    public AsyncNetworkPolicyOps networkPolicy() {
        return Lazily.get(networkPolicy, AsyncNetworkPolicyOps::new, ctx);
    }

    /** @return gateway configs */
    public AsyncGatewayConfigOps gatewayConfig() {
        return Lazily.get(gatewayConfig, AsyncGatewayConfigOps::new, ctx);
    }

    /** @return MCP configs */
    public AsyncMcpConfigOps mcpConfig() {
        return Lazily.get(mcpConfig, AsyncMcpConfigOps::new, ctx);
    }

    /** @return axons (beta) */
    public AsyncAxonOps axon() {
        return Lazily.get(axon, AsyncAxonOps::new, ctx);
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
