package ai.runloop.emulator.internal.resources;

import ai.runloop.emulator.internal.devbox.DevboxLifecycle;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.Backend;
import io.vertx.ext.web.Router;
import java.util.List;

/** Every resource beside devboxes, registered before the devbox routes so fixed paths win over {@code :id}. */
public final class ResourceRoutes implements Api {
    private final List<Api> apis;

    /** @param backend emulator @param lifecycle devbox state machine */
    public ResourceRoutes(Backend backend, DevboxLifecycle lifecycle) {
        PublicCatalog.seed(backend);
        this.apis = List.of(new SnapshotRoutes(backend), new ObjectRoutes(backend), new BlueprintRoutes(backend),
                new ScenarioRoutes(backend, lifecycle), new BenchmarkRoutes(backend, lifecycle), new AxonRoutes(backend),
                new SimpleRoutes(backend));
    }

    @Override
    public void register(Router r) {
        apis.forEach(api -> api.register(r));
    }
}
