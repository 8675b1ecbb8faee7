package ai.runloop.sdk;

import ai.runloop.model.networkpolicies.NetworkPolicyCreateParams;
import ai.runloop.model.networkpolicies.NetworkPolicyListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds network policys (blocking flavour; wraps {@link AsyncNetworkPolicyOps}): {@code sdk.networkPolicy()}. */
public final class NetworkPolicyOps {
    private final AsyncNetworkPolicyOps async;

    NetworkPolicyOps(AsyncNetworkPolicyOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncNetworkPolicyOps async() {
        return async;
    }

    /**
     * @param params the create parameters
     * @return the new network policy
     */
    public NetworkPolicy create(NetworkPolicyCreateParams params) {
        return new NetworkPolicy(Blocking.call("networkPolicy.create", () -> async.create(params)));
    }

    /**
     * @param id an existing network policy's id
     * @return a handle (no request is made)
     */
    public NetworkPolicy fromId(String id) {
        return new NetworkPolicy(async.fromId(id));
    }

    /** @return the network policys of the first page */
    public List<NetworkPolicy> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the network policys of the first page
     */
    public List<NetworkPolicy> list(NetworkPolicyListParams params) {
        return Blocking.call("networkPolicy.list", () -> async.list(params)).stream().map(NetworkPolicy::new).toList();
    }
}
