package ai.runloop.sdk;

import ai.runloop.model.gatewayconfigs.GatewayConfigCreateParams;
import ai.runloop.model.gatewayconfigs.GatewayConfigListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds gateway configs ({@code CompletableFuture} flavour): {@code sdk.gatewayConfig()}. */
public final class AsyncGatewayConfigOps {
    private final SdkContext ctx;

    AsyncGatewayConfigOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params the create parameters
     * @return the new gateway config
     */
    public CompletableFuture<AsyncGatewayConfig> create(GatewayConfigCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().gatewayConfigs().async().create(params, null).thenApply(v -> new AsyncGatewayConfig(ctx, v.id()));
    }

    /**
     * @param id an existing gateway config's id
     * @return a handle (no request is made)
     */
    public AsyncGatewayConfig fromId(String id) {
        return new AsyncGatewayConfig(ctx, id);
    }

    /** @return the gateway configs of the first page */
    public CompletableFuture<List<AsyncGatewayConfig>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the gateway configs of the first page
     */
    public CompletableFuture<List<AsyncGatewayConfig>> list(GatewayConfigListParams params) {
        return ctx.client().gatewayConfigs().async().list(params, null)
                .thenApply(page -> page.gatewayConfigs().stream().map(v -> new AsyncGatewayConfig(ctx, v.id())).toList());
    }
}
