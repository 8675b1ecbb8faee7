package ai.runloop.sdk;

import ai.runloop.model.networkpolicies.NetworkPolicyCreateParams;
import ai.runloop.model.networkpolicies.NetworkPolicyListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds network policys ({@code CompletableFuture} flavour): {@code sdk.networkPolicy()}. */
public final class AsyncNetworkPolicyOps {
    private final SdkContext ctx;

    AsyncNetworkPolicyOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params the create parameters
     * @return the new network policy
     */
    public CompletableFuture<AsyncNetworkPolicy> create(NetworkPolicyCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().networkPolicies().async().create(params, null).thenApply(v -> new AsyncNetworkPolicy(ctx, v.id()));
    }

    /**
     * @param id an existing network policy's id
     * @return a handle (no request is made)
     */
    public AsyncNetworkPolicy fromId(String id) {
        return new AsyncNetworkPolicy(ctx, id);
    }

    /** @return the network policys of the first page */
    public CompletableFuture<List<AsyncNetworkPolicy>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the network policys of the first page
     */
    public CompletableFuture<List<AsyncNetworkPolicy>> list(NetworkPolicyListParams params) {
        return ctx.client().networkPolicies().async().list(params, null)
                .thenApply(page -> page.networkPolicies().stream().map(v -> new AsyncNetworkPolicy(ctx, v.id())).toList());
    }
}
