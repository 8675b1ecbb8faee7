package ai.runloop.sdk;

import ai.runloop.model.gatewayconfigs.GatewayConfigUpdateParams;
import ai.runloop.model.gatewayconfigs.GatewayConfigView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/** A gateway config (an upstream API devboxes reach through the agent gateway) ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncGatewayConfig {
    private final SdkContext ctx;
    private final String id;

    AsyncGatewayConfig(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("gatewayConfigId", id);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the current view */
    public CompletableFuture<GatewayConfigView> getInfo() {
        return ctx.client().gatewayConfigs().async().retrieve(id, null);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public CompletableFuture<GatewayConfigView> update(GatewayConfigUpdateParams params) {
        Checks.notNull("params", params);
        return ctx.client().gatewayConfigs().async().update(id, params, null);
    }

    /** @return the final view after deletion */
    public CompletableFuture<GatewayConfigView> delete() {
        return ctx.client().gatewayConfigs().async().delete(id, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncGatewayConfig h && h.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncGatewayConfig{" + id + '}';
    }
}
