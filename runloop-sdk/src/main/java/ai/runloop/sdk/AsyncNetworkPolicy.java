package ai.runloop.sdk;

import ai.runloop.model.networkpolicies.NetworkPolicyUpdateParams;
import ai.runloop.model.networkpolicies.NetworkPolicyView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/** A network policy (egress rules for devboxes) ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncNetworkPolicy {
    private final SdkContext ctx;
    private final String id;

    AsyncNetworkPolicy(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("networkPolicyId", id);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the current view */
    public CompletableFuture<NetworkPolicyView> getInfo() {
        return ctx.client().networkPolicies().async().retrieve(id, null);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public CompletableFuture<NetworkPolicyView> update(NetworkPolicyUpdateParams params) {
        Checks.notNull("params", params);
        return ctx.client().networkPolicies().async().update(id, params, null);
    }

    /** @return the final view after deletion */
    public CompletableFuture<NetworkPolicyView> delete() {
        return ctx.client().networkPolicies().async().delete(id, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncNetworkPolicy h && h.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncNetworkPolicy{" + id + '}';
    }
}
