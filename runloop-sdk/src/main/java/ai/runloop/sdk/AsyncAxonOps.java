package ai.runloop.sdk;

import ai.runloop.model.axons.AxonCreateParams;
import ai.runloop.model.axons.AxonListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds axons ({@code CompletableFuture} flavour): {@code sdk.axon()}. */
public final class AsyncAxonOps {
    private final SdkContext ctx;

    AsyncAxonOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params the create parameters
     * @return the new axon
     */
    public CompletableFuture<AsyncAxon> create(AxonCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().axons().async().create(params, null).thenApply(v -> new AsyncAxon(ctx, v.id()));
    }

    /**
     * @param id an existing axon's id
     * @return a handle (no request is made)
     */
    public AsyncAxon fromId(String id) {
        return new AsyncAxon(ctx, id);
    }

    /** @return the axons of the first page */
    public CompletableFuture<List<AsyncAxon>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the axons of the first page
     */
    public CompletableFuture<List<AsyncAxon>> list(AxonListParams params) {
        return ctx.client().axons().async().list(params, null)
                .thenApply(page -> page.axons().stream().map(v -> new AsyncAxon(ctx, v.id())).toList());
    }
}
