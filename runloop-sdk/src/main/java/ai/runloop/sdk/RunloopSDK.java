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
    // Made on first use, like the REST client's services: a program loads the classes of what it calls.
    private volatile DevboxOps devbox;
    private volatile BlueprintOps blueprint;
    private volatile SnapshotOps snapshot;
    private volatile StorageObjectOps storageObject;
    private volatile AgentOps agent;
    private volatile ScenarioOps scenario;
    private volatile ScorerOps scorer;
    private volatile BenchmarkOps benchmark;
    private volatile SecretOps secret;
    private volatile NetworkPolicyOps networkPolicy;
    private volatile GatewayConfigOps gatewayConfig;
    private volatile McpConfigOps mcpConfig;
    private volatile AxonOps axon;

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
        DevboxOps ops = devbox;
        if (ops == null) {
            synchronized (this) {
                ops = devbox;
                if (ops == null) {
                    devbox = ops = new DevboxOps(async.devbox());
                }
            }
        }
        return ops;
    }

    /** @return blueprints: build (waits for the build), find, list */
    public BlueprintOps blueprint() {
        BlueprintOps ops = blueprint;
        if (ops == null) {
            synchronized (this) {
                ops = blueprint;
                if (ops == null) {
                    blueprint = ops = new BlueprintOps(async.blueprint());
                }
            }
        }
        return ops;
    }

    /** @return disk snapshots: find, list (create them with devbox.snapshotDisk) */
    public SnapshotOps snapshot() {
        SnapshotOps ops = snapshot;
        if (ops == null) {
            synchronized (this) {
                ops = snapshot;
                if (ops == null) {
                    snapshot = ops = new SnapshotOps(async.snapshot());
                }
            }
        }
        return ops;
    }

    /** @return storage objects: upload text, bytes, files, directories; find, list */
    public StorageObjectOps storageObject() {
        StorageObjectOps ops = storageObject;
        if (ops == null) {
            synchronized (this) {
                ops = storageObject;
                if (ops == null) {
                    storageObject = ops = new StorageObjectOps(async.storageObject());
                }
            }
        }
        return ops;
    }

    /** @return agents */
    public AgentOps agent() {
        AgentOps ops = agent;
        if (ops == null) {
            synchronized (this) {
                ops = agent;
                if (ops == null) {
                    agent = ops = new AgentOps(async.agent());
                }
            }
        }
        return ops;
    }

    /** @return scenarios and the scenario builder */
    public ScenarioOps scenario() {
        ScenarioOps ops = scenario;
        if (ops == null) {
            synchronized (this) {
                ops = scenario;
                if (ops == null) {
                    scenario = ops = new ScenarioOps(async.scenario());
                }
            }
        }
        return ops;
    }

    /** @return custom scenario scorers */
    public ScorerOps scorer() {
        ScorerOps ops = scorer;
        if (ops == null) {
            synchronized (this) {
                ops = scorer;
                if (ops == null) {
                    scorer = ops = new ScorerOps(async.scorer());
                }
            }
        }
        return ops;
    }

    /** @return benchmarks */
    public BenchmarkOps benchmark() {
        BenchmarkOps ops = benchmark;
        if (ops == null) {
            synchronized (this) {
                ops = benchmark;
                if (ops == null) {
                    benchmark = ops = new BenchmarkOps(async.benchmark());
                }
            }
        }
        return ops;
    }

    /** @return secrets (by name) */
    public SecretOps secret() {
        SecretOps ops = secret;
        if (ops == null) {
            synchronized (this) {
                ops = secret;
                if (ops == null) {
                    secret = ops = new SecretOps(async.secret());
                }
            }
        }
        return ops;
    }

    /** @return network policies */
    public NetworkPolicyOps networkPolicy() {
        NetworkPolicyOps ops = networkPolicy;
        if (ops == null) {
            synchronized (this) {
                ops = networkPolicy;
                if (ops == null) {
                    networkPolicy = ops = new NetworkPolicyOps(async.networkPolicy());
                }
            }
        }
        return ops;
    }

    /** @return gateway configs */
    public GatewayConfigOps gatewayConfig() {
        GatewayConfigOps ops = gatewayConfig;
        if (ops == null) {
            synchronized (this) {
                ops = gatewayConfig;
                if (ops == null) {
                    gatewayConfig = ops = new GatewayConfigOps(async.gatewayConfig());
                }
            }
        }
        return ops;
    }

    /** @return MCP configs */
    public McpConfigOps mcpConfig() {
        McpConfigOps ops = mcpConfig;
        if (ops == null) {
            synchronized (this) {
                ops = mcpConfig;
                if (ops == null) {
                    mcpConfig = ops = new McpConfigOps(async.mcpConfig());
                }
            }
        }
        return ops;
    }

    /** @return axons (beta) */
    public AxonOps axon() {
        AxonOps ops = axon;
        if (ops == null) {
            synchronized (this) {
                ops = axon;
                if (ops == null) {
                    axon = ops = new AxonOps(async.axon());
                }
            }
        }
        return ops;
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
