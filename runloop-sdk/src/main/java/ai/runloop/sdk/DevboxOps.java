package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.model.devboxes.DevboxListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds devboxes (blocking flavour; wraps {@link AsyncDevboxOps}): {@code sdk.devbox()}. */
public final class DevboxOps {
    private final AsyncDevboxOps async;

    DevboxOps(AsyncDevboxOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncDevboxOps async() {
        return async;
    }

    /** @return a new devbox, once running */
    public Devbox create() {
        return new Devbox(Blocking.call("devbox.create", () -> async.create()));
    }

    /**
     * @param params the create parameters
     * @return the devbox, once running
     */
    public Devbox create(DevboxCreateParams params) {
        return new Devbox(Blocking.call("devbox.create", () -> async.create(params)));
    }

    /**
     * @param params  the create parameters
     * @param polling the wait budget
     * @return the devbox, once running
     */
    public Devbox create(DevboxCreateParams params, PollingConfig polling) {
        return new Devbox(Blocking.call("devbox.create", () -> async.create(params, polling)));
    }

    /**
     * @param blueprintId a built blueprint
     * @return the devbox, once running
     */
    public Devbox createFromBlueprintId(String blueprintId) {
        return new Devbox(Blocking.call("devbox.createFromBlueprintId", () -> async.createFromBlueprintId(blueprintId)));
    }

    /**
     * @param blueprintId a built blueprint
     * @param params      further parameters
     * @param polling     the wait budget
     * @return the devbox, once running
     */
    public Devbox createFromBlueprintId(String blueprintId, DevboxCreateParams params, PollingConfig polling) {
        return new Devbox(Blocking.call("devbox.createFromBlueprintId",
                () -> async.createFromBlueprintId(blueprintId, params, polling)));
    }

    /**
     * @param blueprintName a blueprint name
     * @return the devbox, once running
     */
    public Devbox createFromBlueprintName(String blueprintName) {
        return new Devbox(Blocking.call("devbox.createFromBlueprintName", () -> async.createFromBlueprintName(blueprintName)));
    }

    /**
     * @param blueprintName a blueprint name
     * @param params        further parameters
     * @param polling       the wait budget
     * @return the devbox, once running
     */
    public Devbox createFromBlueprintName(String blueprintName, DevboxCreateParams params, PollingConfig polling) {
        return new Devbox(Blocking.call("devbox.createFromBlueprintName",
                () -> async.createFromBlueprintName(blueprintName, params, polling)));
    }

    /**
     * @param snapshotId a completed disk snapshot
     * @return the devbox, once running
     */
    public Devbox createFromSnapshot(String snapshotId) {
        return new Devbox(Blocking.call("devbox.createFromSnapshot", () -> async.createFromSnapshot(snapshotId)));
    }

    /**
     * @param snapshotId a completed disk snapshot
     * @param params     further parameters
     * @param polling    the wait budget
     * @return the devbox, once running
     */
    public Devbox createFromSnapshot(String snapshotId, DevboxCreateParams params, PollingConfig polling) {
        return new Devbox(Blocking.call("devbox.createFromSnapshot",
                () -> async.createFromSnapshot(snapshotId, params, polling)));
    }

    /**
     * @param id an existing devbox's id
     * @return a handle (no request is made)
     */
    public Devbox fromId(String id) {
        return new Devbox(async.fromId(id));
    }

    /** @return the devboxes of the first page */
    public List<Devbox> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the devboxes of the first page
     */
    public List<Devbox> list(DevboxListParams params) {
        return Blocking.call("devbox.list", () -> async.list(params)).stream().map(Devbox::new).toList();
    }
}
