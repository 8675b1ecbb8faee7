package ai.runloop.sdk;

import ai.runloop.model.devboxes.DevboxCreateSSHKeyResponse;
import ai.runloop.model.devboxes.DevboxEnableTunnelParams;
import ai.runloop.model.devboxes.TunnelView;
import ai.runloop.sdk.internal.Blocking;

/** Network access to a devbox (blocking flavour; wraps {@link AsyncNetOps}). */
public final class NetOps {
    private final AsyncNetOps async;

    NetOps(AsyncNetOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncNetOps async() {
        return async;
    }

    /** @return SSH credentials */
    public DevboxCreateSSHKeyResponse createSshKey() {
        return Blocking.call("net.createSshKey", async::createSshKey);
    }

    /** @return the tunnel, with the server's defaults */
    public TunnelView enableTunnel() {
        return Blocking.call("net.enableTunnel", () -> async.enableTunnel());
    }

    /**
     * @param params auth mode, keep-alive and wake-on-HTTP
     * @return the tunnel
     */
    public TunnelView enableTunnel(DevboxEnableTunnelParams params) {
        return Blocking.call("net.enableTunnel", () -> async.enableTunnel(params));
    }

    /** Removes the tunnel. */
    public void removeTunnel() {
        Blocking.call("net.removeTunnel", async::removeTunnel);
    }

    /** @return the tunnel, or null when none is open */
    public TunnelView getTunnel() {
        return Blocking.call("net.getTunnel", async::getTunnel);
    }

    /**
     * @param port a port on the devbox
     * @return its public URL through the tunnel
     */
    public String getTunnelUrl(int port) {
        return Blocking.call("net.getTunnelUrl", () -> async.getTunnelUrl(port));
    }
}
