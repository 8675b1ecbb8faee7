package ai.runloop.api.internal;

import ai.runloop.api.RunloopClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * Gives the object-oriented SDK (module {@code ai.runloop.sdk}, the only module this package is
 * exported to) the pipeline behind a {@link RunloopClient}, so it can reuse the wait helpers in
 * {@link Composites} without widening the client's public API.
 */
public final class ClientAccess {
    private static volatile Function<RunloopClient, ApiCore> access;

    private ClientAccess() {
    }

    /**
     * Called once by {@link RunloopClient}'s static initialiser.
     *
     * @param accessor reads a client's pipeline
     */
    public static void register(Function<RunloopClient, ApiCore> accessor) {
        if (access == null) {
            access = Objects.requireNonNull(accessor, "accessor");
        }
    }

    /**
     * @param client a client
     * @return its pipeline
     */
    public static ApiCore core(RunloopClient client) {
        Objects.requireNonNull(client, "client");
        return access.apply(client);
    }
}
