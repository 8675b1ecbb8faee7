package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.blueprints.BlueprintBuildLogsListView;
import ai.runloop.model.blueprints.BlueprintView;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.sdk.internal.Blocking;

/** A blueprint (blocking flavour; wraps an {@link AsyncBlueprint}). */
public final class Blueprint {
    private final AsyncBlueprint async;

    Blueprint(AsyncBlueprint async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncBlueprint async() {
        return async;
    }

    /** @return the blueprint id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public BlueprintView getInfo() {
        return Blocking.call("Blueprint.getInfo", async::getInfo);
    }

    /** @return the build logs */
    public BlueprintBuildLogsListView logs() {
        return Blocking.call("Blueprint.logs", async::logs);
    }

    /** Deletes the blueprint. */
    public void delete() {
        Blocking.call("Blueprint.delete", async::delete);
    }

    /** @return a devbox from this blueprint, once running */
    public Devbox createDevbox() {
        return new Devbox(Blocking.call("Blueprint.createDevbox", () -> async.createDevbox()));
    }

    /**
     * @param params  further parameters
     * @param polling the wait budget
     * @return a devbox from this blueprint, once running
     */
    public Devbox createDevbox(DevboxCreateParams params, PollingConfig polling) {
        return new Devbox(Blocking.call("Blueprint.createDevbox", () -> async.createDevbox(params, polling)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Blueprint b && b.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "Blueprint{" + id() + '}';
    }
}
