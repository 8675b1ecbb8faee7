package ai.runloop.emulator.internal.resources;

import ai.runloop.emulator.internal.devbox.DevboxLifecycle;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.Backend;
import io.vertx.ext.web.Router;

/** Every resource beside devboxes, registered before the devbox routes so fixed paths win over {@code :id}. */
public final class ResourceRoutes implements Api {
    private final Backend b;
    private final DevboxLifecycle lifecycle;

    /** @param backend emulator @param lifecycle devbox state machine */
    public ResourceRoutes(Backend backend, DevboxLifecycle lifecycle) {
        this.b = backend;
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(Router r) {
        if (b == null || lifecycle == null) {
            throw new IllegalStateException();
        }
    }
}
