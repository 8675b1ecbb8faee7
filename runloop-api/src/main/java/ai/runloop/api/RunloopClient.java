package ai.runloop.api;

import ai.runloop.api.internal.ApiCore;
import ai.runloop.api.internal.ClientConfig;
import ai.runloop.api.internal.EnvironmentDefaults;
import ai.runloop.api.internal.Lazily;
import ai.runloop.api.internal.transport.TransportDiscovery;
import ai.runloop.api.services.AccountsService;
import ai.runloop.api.services.AgentsService;
import ai.runloop.api.services.ApikeysService;
import ai.runloop.api.services.AxonsService;
import ai.runloop.api.services.BenchmarkJobsService;
import ai.runloop.api.services.BenchmarkRunsService;
import ai.runloop.api.services.BenchmarksService;
import ai.runloop.api.services.BlueprintsService;
import ai.runloop.api.services.DevboxesService;
import ai.runloop.api.services.GatewayConfigsService;
import ai.runloop.api.services.McpConfigsService;
import ai.runloop.api.services.NetworkPoliciesService;
import ai.runloop.api.services.ObjectsService;
import ai.runloop.api.services.PtyService;
import ai.runloop.api.services.RestrictedKeysService;
import ai.runloop.api.services.ScenariosService;
import ai.runloop.api.services.SecretsService;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The Runloop REST client: one service per API resource, each operation of the API one to one, in a
 * blocking form and a {@code CompletableFuture} form ({@code ...Async}). Thread-safe; create one and
 * share it. Close it to release the transport.
 *
 * <pre>{@code
 * try (RunloopClient client = RunloopClient.create()) {          // RUNLOOP_API_KEY, RUNLOOP_BASE_URL
 *     DevboxView devbox = client.devboxes().createAndAwaitRunning(DevboxCreateParams.builder().name("box").build());
 *     client.devboxes().shutdown(devbox.id());
 * }
 * }</pre>
 */
public final class RunloopClient implements AutoCloseable {
    private final ApiCore core;
    // Each service is made on first use: a program that calls one resource loads only its classes
    // (creating all 17 services loaded ~100 classes at start-up, ~1 MB of a class-data archive).
    private final AtomicReference<AccountsService> accounts = new AtomicReference<>();
    private final AtomicReference<AgentsService> agents = new AtomicReference<>();
    private final AtomicReference<ApikeysService> apikeys = new AtomicReference<>();
    private final AtomicReference<AxonsService> axons = new AtomicReference<>();
    private final AtomicReference<BenchmarkJobsService> benchmarkJobs = new AtomicReference<>();
    private final AtomicReference<BenchmarkRunsService> benchmarkRuns = new AtomicReference<>();
    private final AtomicReference<BenchmarksService> benchmarks = new AtomicReference<>();
    private final AtomicReference<BlueprintsService> blueprints = new AtomicReference<>();
    private final AtomicReference<DevboxesService> devboxes = new AtomicReference<>();
    private final AtomicReference<GatewayConfigsService> gatewayConfigs = new AtomicReference<>();
    private final AtomicReference<McpConfigsService> mcpConfigs = new AtomicReference<>();
    private final AtomicReference<NetworkPoliciesService> networkPolicies = new AtomicReference<>();
    private final AtomicReference<ObjectsService> objects = new AtomicReference<>();
    private final AtomicReference<PtyService> pty = new AtomicReference<>();
    private final AtomicReference<RestrictedKeysService> restrictedKeys = new AtomicReference<>();
    private final AtomicReference<ScenariosService> scenarios = new AtomicReference<>();
    private final AtomicReference<SecretsService> secrets = new AtomicReference<>();

    static {
        ai.runloop.api.internal.ClientAccess.register(client -> client.core);
    }

    private RunloopClient(ApiCore core) {
        this.core = core;
    }

    /**
     * @return a client configured from the environment ({@code RUNLOOP_API_KEY}, {@code RUNLOOP_BASE_URL},
     *         {@code RUNLOOP_CUSTOM_HEADERS}) with the transport found on the module or class path
     * @throws IllegalStateException when no API key is set
     */
    public static RunloopClient create() {
        return builder().build();
    }

    /** @return a builder whose defaults come from the environment */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the account of the API key */
    public AccountsService accounts() {
        return Lazily.get(accounts, AccountsService::new, core);
    }

    /** @return agents */
    public AgentsService agents() {
        return Lazily.get(agents, AgentsService::new, core);
    }

    /** @return API keys */
    public ApikeysService apikeys() {
        return Lazily.get(apikeys, ApikeysService::new, core);
    }

    /** @return axons (beta) */
    public AxonsService axons() {
        return Lazily.get(axons, AxonsService::new, core);
    }

    /** @return benchmark jobs */
    public BenchmarkJobsService benchmarkJobs() {
        return Lazily.get(benchmarkJobs, BenchmarkJobsService::new, core);
    }

    /** @return benchmark runs */
    public BenchmarkRunsService benchmarkRuns() {
        return Lazily.get(benchmarkRuns, BenchmarkRunsService::new, core);
    }

    /** @return benchmarks */
    public BenchmarksService benchmarks() {
        return Lazily.get(benchmarks, BenchmarksService::new, core);
    }

    /** @return blueprints (devbox image builds) */
    public BlueprintsService blueprints() {
        return Lazily.get(blueprints, BlueprintsService::new, core);
    }

    /** @return devboxes, their executions, disk snapshots and logs */
    public DevboxesService devboxes() {
        return Lazily.get(devboxes, DevboxesService::new, core);
    }

    /** @return gateway configs */
    public GatewayConfigsService gatewayConfigs() {
        return Lazily.get(gatewayConfigs, GatewayConfigsService::new, core);
    }

    /** @return MCP configs */
    public McpConfigsService mcpConfigs() {
        return Lazily.get(mcpConfigs, McpConfigsService::new, core);
    }

    /** @return network policies */
    public NetworkPoliciesService networkPolicies() {
        return Lazily.get(networkPolicies, NetworkPoliciesService::new, core);
    }

    /** @return storage objects */
    public ObjectsService objects() {
        return Lazily.get(objects, ObjectsService::new, core);
    }

    /** @return PTY sessions */
    public PtyService pty() {
        return Lazily.get(pty, PtyService::new, core);
    }

    /** @return restricted keys */
    public RestrictedKeysService restrictedKeys() {
        return Lazily.get(restrictedKeys, RestrictedKeysService::new, core);
    }

    /** @return scenarios, their runs and scorers */
    public ScenariosService scenarios() {
        return Lazily.get(scenarios, ScenariosService::new, core);
    }

    /** @return secrets (addressed by name) */
    public SecretsService secrets() {
        return Lazily.get(secrets, SecretsService::new, core);
    }

    /** @return the base URL requests go to */
    public URI baseUrl() {
        return core.config().baseUri();
    }

    /** @return the pipeline, for the object-oriented SDK in this project; not part of the public API */
    ApiCore core() {
        return core;
    }

    /** Releases the transport (when the client created it, or was given it to own). */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "RunloopClient{" + core.config() + '}';
    }

    /** Builds a {@link RunloopClient}; unset values come from the environment, then the API's defaults. */
    public static final class Builder {
        private Function<String, String> env = System::getenv;
        private String apiKey;
        private String baseUrl;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout;
        private int maxRetries = 5;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private HttpTransport transport;
        private TransportOptions transportOptions = TransportOptions.defaults();

        private Builder() {
        }

        /**
         * @param apiKey the API key, sent as a bearer token to the base URL only
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * @param baseUrl the API's base URL, e.g. {@code https://api.runloop.ai} or an emulator's
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * @param name  a header sent on every request (wins over {@code RUNLOOP_CUSTOM_HEADERS})
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param timeout the timeout of each attempt (default 30 s; long operations get 600 s while this
         *                is left at its default)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive but was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param maxRetries retries after the first attempt (default 5; 0 disables)
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative but was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param initial the first retry delay when the server gives none (default 1 s; doubled per retry)
         * @param max     the cap of the delay (default 60 s)
         * @return this builder
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            if (initial == null || max == null || initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("retryBackoff needs 0 <= initial <= max but got " + initial + ", " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * @param transport the transport to use; the client owns it and closes it
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @param options options for the transport the client finds and creates
         * @return this builder
         */
        public Builder transportOptions(TransportOptions options) {
            this.transportOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * @param environment the environment to read defaults from instead of the process's
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            Map<String, String> copy = Map.copyOf(environment);
            this.env = copy::get;
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException when no API key is given or set in {@code RUNLOOP_API_KEY}, or no
         *                               transport is found
         */
        public RunloopClient build() {
            String key = apiKey != null ? apiKey : EnvironmentDefaults.apiKey(env);
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("No Runloop API key: pass RunloopClient.builder().apiKey(...) "
                        + "or set the environment variable RUNLOOP_API_KEY");
            }
            String url = baseUrl != null ? baseUrl : EnvironmentDefaults.baseUrl(env);
            URI base;
            try {
                base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a URL: '" + url + "'", e);
            }
            if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
                    || base.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL with a host but was '" + url + "'");
            }
            Map<String, String> all = new LinkedHashMap<>(EnvironmentDefaults.customHeaders(env));
            all.putAll(headers);
            HttpTransport chosen = TransportDiscovery.fromServiceLoader().transport(transport, transportOptions);
            ClientConfig config = new ClientConfig(key, base, all, timeout == null ? ClientConfig.DEFAULT_TIMEOUT : timeout,
                    timeout == null, maxRetries, initialBackoff, maxBackoff, chosen);
            return new RunloopClient(new ApiCore(config));
        }
    }
}
