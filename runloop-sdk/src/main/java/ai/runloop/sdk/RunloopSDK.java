package ai.runloop.sdk;

import ai.runloop.api.RunloopClient;

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
    private final DevboxOps devbox;
    private final BlueprintOps blueprint;
    private final SnapshotOps snapshot;
    private final StorageObjectOps storageObject;
    private final AgentOps agent;
    private final ScenarioOps scenario;
    private final ScorerOps scorer;
    private final BenchmarkOps benchmark;
    private final SecretOps secret;
    private final NetworkPolicyOps networkPolicy;
    private final GatewayConfigOps gatewayConfig;
    private final McpConfigOps mcpConfig;
    private final AxonOps axon;

    RunloopSDK(RunloopClient client) {
        this(new AsyncRunloopSDK(client));
    }

    private RunloopSDK(AsyncRunloopSDK async) {
        this.async = async;
        this.devbox = new DevboxOps(async.devbox());
        this.blueprint = new BlueprintOps(async.blueprint());
        this.snapshot = new SnapshotOps(async.snapshot());
        this.storageObject = new StorageObjectOps(async.storageObject());
        this.agent = new AgentOps(async.agent());
        this.scenario = new ScenarioOps(async.scenario());
        this.scorer = new ScorerOps(async.scorer());
        this.benchmark = new BenchmarkOps(async.benchmark());
        this.secret = new SecretOps(async.secret());
        this.networkPolicy = new NetworkPolicyOps(async.networkPolicy());
        this.gatewayConfig = new GatewayConfigOps(async.gatewayConfig());
        this.mcpConfig = new McpConfigOps(async.mcpConfig());
        this.axon = new AxonOps(async.axon());
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
        return devbox;
    }

    /** @return blueprints: build (waits for the build), find, list */
    public BlueprintOps blueprint() {
        return blueprint;
    }

    /** @return disk snapshots: find, list (create them with devbox.snapshotDisk) */
    public SnapshotOps snapshot() {
        return snapshot;
    }

    /** @return storage objects: upload text, bytes, files, directories; find, list */
    public StorageObjectOps storageObject() {
        return storageObject;
    }

    /** @return agents */
    public AgentOps agent() {
        return agent;
    }

    /** @return scenarios and the scenario builder */
    public ScenarioOps scenario() {
        return scenario;
    }

    /** @return custom scenario scorers */
    public ScorerOps scorer() {
        return scorer;
    }

    /** @return benchmarks */
    public BenchmarkOps benchmark() {
        return benchmark;
    }

    /** @return secrets (by name) */
    public SecretOps secret() {
        return secret;
    }

    /** @return network policies */
    public NetworkPolicyOps networkPolicy() {
        return networkPolicy;
    }

    /** @return gateway configs */
    public GatewayConfigOps gatewayConfig() {
        return gatewayConfig;
    }

    /** @return MCP configs */
    public McpConfigOps mcpConfig() {
        return mcpConfig;
    }

    /** @return axons (beta) */
    public AxonOps axon() {
        return axon;
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
