package ai.runloop.sdk;

import ai.runloop.model.gatewayconfigs.GatewayConfigUpdateParams;
import ai.runloop.model.gatewayconfigs.GatewayConfigView;
import ai.runloop.sdk.internal.Blocking;

/** A gateway config (an upstream API devboxes reach through the agent gateway) (blocking flavour; wraps an {@link AsyncGatewayConfig}). */
public final class GatewayConfig {
    private final AsyncGatewayConfig async;

    GatewayConfig(AsyncGatewayConfig async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncGatewayConfig async() {
        return async;
    }

    /** @return the id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public GatewayConfigView getInfo() {
        return Blocking.call("GatewayConfig.getInfo", async::getInfo);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public GatewayConfigView update(GatewayConfigUpdateParams params) {
        return Blocking.call("GatewayConfig.update", () -> async.update(params));
    }

    /** @return the final view after deletion */
    public GatewayConfigView delete() {
        return Blocking.call("GatewayConfig.delete", async::delete);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayConfig h && h.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "GatewayConfig{" + id() + '}';
    }
}
