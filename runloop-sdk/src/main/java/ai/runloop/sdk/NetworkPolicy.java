package ai.runloop.sdk;

import ai.runloop.model.networkpolicies.NetworkPolicyUpdateParams;
import ai.runloop.model.networkpolicies.NetworkPolicyView;
import ai.runloop.sdk.internal.Blocking;

/** A network policy (egress rules for devboxes) (blocking flavour; wraps an {@link AsyncNetworkPolicy}). */
public final class NetworkPolicy {
    private final AsyncNetworkPolicy async;

    NetworkPolicy(AsyncNetworkPolicy async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncNetworkPolicy async() {
        return async;
    }

    /** @return the id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public NetworkPolicyView getInfo() {
        return Blocking.call("NetworkPolicy.getInfo", async::getInfo);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public NetworkPolicyView update(NetworkPolicyUpdateParams params) {
        return Blocking.call("NetworkPolicy.update", () -> async.update(params));
    }

    /** @return the final view after deletion */
    public NetworkPolicyView delete() {
        return Blocking.call("NetworkPolicy.delete", async::delete);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkPolicy h && h.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "NetworkPolicy{" + id() + '}';
    }
}
