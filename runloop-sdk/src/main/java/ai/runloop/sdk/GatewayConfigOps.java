package ai.runloop.sdk;

import ai.runloop.model.gatewayconfigs.GatewayConfigCreateParams;
import ai.runloop.model.gatewayconfigs.GatewayConfigListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds gateway configs (blocking flavour; wraps {@link AsyncGatewayConfigOps}): {@code sdk.gatewayConfig()}. */
public final class GatewayConfigOps {
    private final AsyncGatewayConfigOps async;

    GatewayConfigOps(AsyncGatewayConfigOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncGatewayConfigOps async() {
        return async;
    }

    /**
     * @param params the create parameters
     * @return the new gateway config
     */
    public GatewayConfig create(GatewayConfigCreateParams params) {
        return new GatewayConfig(Blocking.call("gatewayConfig.create", () -> async.create(params)));
    }

    /**
     * @param id an existing gateway config's id
     * @return a handle (no request is made)
     */
    public GatewayConfig fromId(String id) {
        return new GatewayConfig(async.fromId(id));
    }

    /** @return the gateway configs of the first page */
    public List<GatewayConfig> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the gateway configs of the first page
     */
    public List<GatewayConfig> list(GatewayConfigListParams params) {
        return Blocking.call("gatewayConfig.list", () -> async.list(params)).stream().map(GatewayConfig::new).toList();
    }
}
