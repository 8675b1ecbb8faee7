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
    private final SdkContext ctx;
    // Made on first use, like the REST client's services: a program loads the classes of what it calls.
    private volatile AsyncDevboxOps devbox;
    private volatile AsyncBlueprintOps blueprint;
    private volatile AsyncSnapshotOps snapshot;
    private volatile AsyncStorageObjectOps storageObject;
    private volatile AsyncAgentOps agent;
    private volatile AsyncScenarioOps scenario;
    private volatile AsyncScorerOps scorer;
    private volatile AsyncBenchmarkOps benchmark;
    private volatile AsyncSecretOps secret;
    private volatile AsyncNetworkPolicyOps networkPolicy;
    private volatile AsyncGatewayConfigOps gatewayConfig;
    private volatile AsyncMcpConfigOps mcpConfig;
    private volatile AsyncAxonOps axon;

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
        AsyncDevboxOps ops = devbox;
        if (ops == null) {
            synchronized (this) {
                ops = devbox;
                if (ops == null) {
                    devbox = ops = new AsyncDevboxOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return blueprints: build (waits for the build), find, list */
    public AsyncBlueprintOps blueprint() {
        AsyncBlueprintOps ops = blueprint;
        if (ops == null) {
            synchronized (this) {
                ops = blueprint;
                if (ops == null) {
                    blueprint = ops = new AsyncBlueprintOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return disk snapshots: find, list (create them with devbox.snapshotDisk) */
    public AsyncSnapshotOps snapshot() {
        AsyncSnapshotOps ops = snapshot;
        if (ops == null) {
            synchronized (this) {
                ops = snapshot;
                if (ops == null) {
                    snapshot = ops = new AsyncSnapshotOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return storage objects: upload text, bytes, files, directories; find, list */
    public AsyncStorageObjectOps storageObject() {
        AsyncStorageObjectOps ops = storageObject;
        if (ops == null) {
            synchronized (this) {
                ops = storageObject;
                if (ops == null) {
                    storageObject = ops = new AsyncStorageObjectOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return agents */
    public AsyncAgentOps agent() {
        AsyncAgentOps ops = agent;
        if (ops == null) {
            synchronized (this) {
                ops = agent;
                if (ops == null) {
                    agent = ops = new AsyncAgentOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return scenarios and the scenario builder */
    public AsyncScenarioOps scenario() {
        AsyncScenarioOps ops = scenario;
        if (ops == null) {
            synchronized (this) {
                ops = scenario;
                if (ops == null) {
                    scenario = ops = new AsyncScenarioOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return custom scenario scorers */
    public AsyncScorerOps scorer() {
        AsyncScorerOps ops = scorer;
        if (ops == null) {
            synchronized (this) {
                ops = scorer;
                if (ops == null) {
                    scorer = ops = new AsyncScorerOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return benchmarks */
    public AsyncBenchmarkOps benchmark() {
        AsyncBenchmarkOps ops = benchmark;
        if (ops == null) {
            synchronized (this) {
                ops = benchmark;
                if (ops == null) {
                    benchmark = ops = new AsyncBenchmarkOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return secrets (by name) */
    public AsyncSecretOps secret() {
        AsyncSecretOps ops = secret;
        if (ops == null) {
            synchronized (this) {
                ops = secret;
                if (ops == null) {
                    secret = ops = new AsyncSecretOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return network policies */
    public AsyncNetworkPolicyOps networkPolicy() {
        AsyncNetworkPolicyOps ops = networkPolicy;
        if (ops == null) {
            synchronized (this) {
                ops = networkPolicy;
                if (ops == null) {
                    networkPolicy = ops = new AsyncNetworkPolicyOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return gateway configs */
    public AsyncGatewayConfigOps gatewayConfig() {
        AsyncGatewayConfigOps ops = gatewayConfig;
        if (ops == null) {
            synchronized (this) {
                ops = gatewayConfig;
                if (ops == null) {
                    gatewayConfig = ops = new AsyncGatewayConfigOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return MCP configs */
    public AsyncMcpConfigOps mcpConfig() {
        AsyncMcpConfigOps ops = mcpConfig;
        if (ops == null) {
            synchronized (this) {
                ops = mcpConfig;
                if (ops == null) {
                    mcpConfig = ops = new AsyncMcpConfigOps(ctx);
                }
            }
        }
        return ops;
    }

    /** @return axons (beta) */
    public AsyncAxonOps axon() {
        AsyncAxonOps ops = axon;
        if (ops == null) {
            synchronized (this) {
                ops = axon;
                if (ops == null) {
                    axon = ops = new AsyncAxonOps(ctx);
                }
            }
        }
        return ops;
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
