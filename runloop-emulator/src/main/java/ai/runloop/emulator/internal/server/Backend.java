package ai.runloop.emulator.internal.server;

import ai.runloop.emulator.FaultPlan;
import ai.runloop.emulator.internal.devbox.Devbox;
import ai.runloop.emulator.internal.exec.ExecService;
import ai.runloop.emulator.internal.exec.ProcessRunner;
import ai.runloop.emulator.internal.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Everything one emulator holds: settings, stores, the process runner and the Vert.x instance. */
public final class Backend implements AutoCloseable {
    /** Vert.x instance. */
    public final Vertx vertx;
    /** Settings. */
    public final EmulatorConfig config;
    /** Injected faults. */
    public final FaultPlan faults;
    /** Commands. */
    public final ExecService exec;
    /** Devboxes. */
    public final Store<Devbox> devboxes = new Store<>("devbox");
    /** Open eviction streams. */
    public final ai.runloop.emulator.internal.devbox.Evictions evictions = new ai.runloop.emulator.internal.devbox.Evictions();
    /** Presigned URL signatures. */
    public final Signer signer = new Signer();
    private final Map<String, Store<JsonObject>> stores = new ConcurrentHashMap<>();
    private volatile int port;

    Backend(Vertx vertx, EmulatorConfig config, FaultPlan faults) {
        this.vertx = vertx;
        this.config = config;
        this.faults = faults;
        try {
            Files.createDirectories(config.root());
            Path state = Files.createDirectories(config.root().resolve("shell-state"));
            this.exec = new ExecService(new ProcessRunner(), state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare root folder " + config.root(), e);
        }
    }

    /**
     * @param kind resource kind, e.g. "blueprint"
     * @return the store of JSON views of that kind
     */
    public Store<JsonObject> store(String kind) {
        return stores.computeIfAbsent(kind, Store::new);
    }

    /** @param kind folder kind @param id resource id @return its folder under the root (not created) */
    public Path dir(String kind, String id) {
        return config.root().resolve(kind).resolve(id);
    }

    /** @return the bound port */
    public int port() {
        return port;
    }

    void port(int value) {
        this.port = value;
    }

    /** @return base URL of this emulator as seen on its own host */
    public String baseUrl() {
        return "http://" + RunloopEmulatorHosts.urlHost(config.bind()) + ":" + port;
    }

    /**
     * The base URL as the caller of a request reaches it (its {@code Host}), so URLs handed out in
     * answers (presigned URLs) also work through a published container port.
     *
     * @param ctx the request
     * @return {@code http://host:port}
     */
    public String baseUrl(io.vertx.ext.web.RoutingContext ctx) {
        io.vertx.core.net.HostAndPort authority = ctx.request().authority();
        if (authority == null || authority.host() == null || authority.host().isEmpty()) {
            return baseUrl();
        }
        String host = authority.host().contains(":") && !authority.host().startsWith("[") ? "[" + authority.host() + "]" : authority.host();
        return "http://" + host + (authority.port() > 0 ? ":" + authority.port() : "");
    }

    @Override
    public void close() {
        exec.close();
    }
}
