package ai.runloop.sdk;

import ai.runloop.model.axons.AxonCreateParams;
import ai.runloop.model.axons.AxonListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds axons (blocking flavour; wraps {@link AsyncAxonOps}): {@code sdk.axon()}. */
public final class AxonOps {
    private final AsyncAxonOps async;

    AxonOps(AsyncAxonOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncAxonOps async() {
        return async;
    }

    /**
     * @param params the create parameters
     * @return the new axon
     */
    public Axon create(AxonCreateParams params) {
        return new Axon(Blocking.call("axon.create", () -> async.create(params)));
    }

    /**
     * @param id an existing axon's id
     * @return a handle (no request is made)
     */
    public Axon fromId(String id) {
        return new Axon(async.fromId(id));
    }

    /** @return the axons of the first page */
    public List<Axon> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the axons of the first page
     */
    public List<Axon> list(AxonListParams params) {
        return Blocking.call("axon.list", () -> async.list(params)).stream().map(Axon::new).toList();
    }
}
