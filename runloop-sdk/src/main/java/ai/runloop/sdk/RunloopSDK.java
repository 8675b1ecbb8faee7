package ai.runloop.sdk;

import ai.runloop.api.RunloopClient;
import ai.runloop.api.internal.Lazily;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Runloop SDK, blocking flavour: each method waits for its result on the calling thread. It is a
 * thin layer over {@link AsyncRunloopSDK} (see {@link #async()}), so both behave the same. A blocking
 * call on a Vert.x or Netty event-loop thread fails at once, pointing to {@code AsyncRunloopSDK}.
 * Thread-safe; create one per application and close it at the end.
 *
 * <pre>{@code
 * try (RunloopSDK sdk = RunloopSDK.create();                  // RUNLOOP_API_KEY, RUNLOOP_BASE_URL
 *      Devbox devbox = sdk.devbox().create()) {               // closing shuts the devbox down
 *     System.out.println(devbox.cmd().exec("echo hello").stdout());
 * }
 * }</pre>
 */
public final class RunloopSDK implements AutoCloseable {
    private final AsyncRunloopSDK async;
    // Made on first use, like the REST client's services: a program loads the classes of what it calls.
    private final AtomicReference<DevboxOps> devbox = new AtomicReference<>();
    private final AtomicReference<BlueprintOps> blueprint = new AtomicReference<>();
    private final AtomicReference<SnapshotOps> snapshot = new AtomicReference<>();
    private final AtomicReference<StorageObjectOps> storageObject = new AtomicReference<>();
    private final AtomicReference<AgentOps> agent = new AtomicReference<>();
    private final AtomicReference<ScenarioOps> scenario = new AtomicReference<>();
    private final AtomicReference<ScorerOps> scorer = new AtomicReference<>();
    private final AtomicReference<BenchmarkOps> benchmark = new AtomicReference<>();
    private final AtomicReference<SecretOps> secret = new AtomicReference<>();
    private final AtomicReference<NetworkPolicyOps> networkPolicy = new AtomicReference<>();
    private final AtomicReference<GatewayConfigOps> gatewayConfig = new AtomicReference<>();
    private final AtomicReference<McpConfigOps> mcpConfig = new AtomicReference<>();
    private final AtomicReference<AxonOps> axon = new AtomicReference<>();

    RunloopSDK(RunloopClient client) {
        this(new AsyncRunloopSDK(client));
    }

    private RunloopSDK(AsyncRunloopSDK async) {
        this.async = async;
    }

    /**
     * @return an SDK configured from the environment ({@code RUNLOOP_API_KEY}, {@code RUNLOOP_BASE_URL},
     *         {@code RUNLOOP_CUSTOM_HEADERS})
     * @throws IllegalStateException when no API key is set
     */
    public static RunloopSDK create() {
        return builder().build();
    }

    /** @return a builder whose defaults come from the environment */
    public static SdkBuilder<RunloopSDK> builder() {
        return new SdkBuilder<>(RunloopSDK::new);
    }

    /** @return the asynchronous SDK this one wraps (same client, same connections) */
    public AsyncRunloopSDK async() {
        return async;
    }

    /** @return the REST client underneath: every API endpoint one to one */
    public RunloopClient api() {
        return async.api();
    }

    /** @return devboxes: create (waits until running), find, list */
    public DevboxOps devbox() {
        return Lazily.get(devbox, a -> new DevboxOps(a.devbox()), async);
    }

    /** @return blueprints: build (waits for the build), find, list */
    public BlueprintOps blueprint() {
        return Lazily.get(blueprint, a -> new BlueprintOps(a.blueprint()), async);
    }

    /** @return disk snapshots: find, list (create them with devbox.snapshotDisk) */
    public SnapshotOps snapshot() {
        return Lazily.get(snapshot, a -> new SnapshotOps(a.snapshot()), async);
    }

    /** @return storage objects: upload text, bytes, files, directories; find, list */
    public StorageObjectOps storageObject() {
        return Lazily.get(storageObject, a -> new StorageObjectOps(a.storageObject()), async);
    }

    /** @return agents */
    public AgentOps agent() {
        return Lazily.get(agent, a -> new AgentOps(a.agent()), async);
    }

    /** @return scenarios and the scenario builder */
    public ScenarioOps scenario() {
        return Lazily.get(scenario, a -> new ScenarioOps(a.scenario()), async);
    }

    /** @return custom scenario scorers */
    public ScorerOps scorer() {
        return Lazily.get(scorer, a -> new ScorerOps(a.scorer()), async);
    }

    /** @return benchmarks */
    public BenchmarkOps benchmark() {
        return Lazily.get(benchmark, a -> new BenchmarkOps(a.benchmark()), async);
    }

    /** @return secrets (by name) */
    public SecretOps secret() {
        return Lazily.get(secret, a -> new SecretOps(a.secret()), async);
    }

    /** @return network policies */
    public NetworkPolicyOps networkPolicy() {
        return Lazily.get(networkPolicy, a -> new NetworkPolicyOps(a.networkPolicy()), async);
    }

    /** @return gateway configs */
    public GatewayConfigOps gatewayConfig() {
        return Lazily.get(gatewayConfig, a -> new GatewayConfigOps(a.gatewayConfig()), async);
    }

    /** @return MCP configs */
    public McpConfigOps mcpConfig() {
        return Lazily.get(mcpConfig, a -> new McpConfigOps(a.mcpConfig()), async);
    }

    /** @return axons (beta) */
    public AxonOps axon() {
        return Lazily.get(axon, a -> new AxonOps(a.axon()), async);
    }

    /** Releases the transport. */
    @Override
    public void close() {
        async.close();
    }

    @Override
    public String toString() {
        return "RunloopSDK{" + api().baseUrl() + '}';
    }
}
