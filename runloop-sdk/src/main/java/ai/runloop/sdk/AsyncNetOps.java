package ai.runloop.sdk;

import ai.runloop.model.devboxes.DevboxCreateSSHKeyResponse;
import ai.runloop.model.devboxes.DevboxEnableTunnelParams;
import ai.runloop.model.devboxes.TunnelView;
import ai.runloop.sdk.internal.SdkContext;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Network access to a devbox ({@code CompletableFuture} flavour): SSH keys and the HTTP tunnel. */
public final class AsyncNetOps {
    private final SdkContext ctx;
    private final String devboxId;

    AsyncNetOps(SdkContext ctx, String devboxId) {
        this.ctx = ctx;
        this.devboxId = devboxId;
    }

    /** @return SSH credentials: key id, private key (PEM), user and host */
    public CompletableFuture<DevboxCreateSSHKeyResponse> createSshKey() {
        return ctx.client().devboxes().async().createSshKey(devboxId, null);
    }

    /** @return the tunnel, opened with the server's defaults */
    public CompletableFuture<TunnelView> enableTunnel() {
        return enableTunnel(null);
    }

    /**
     * @param params auth mode, keep-alive and wake-on-HTTP (null for defaults)
     * @return the tunnel (one per devbox)
     */
    public CompletableFuture<TunnelView> enableTunnel(DevboxEnableTunnelParams params) {
        return ctx.client().devboxes().async().enableTunnel(devboxId, params, null);
    }

    /** @return completes when the tunnel is removed */
    public CompletableFuture<Void> removeTunnel() {
        return ctx.client().devboxes().async().removeTunnel(devboxId, null).thenApply(v -> null);
    }

    /** @return the devbox's tunnel, or null when none is open */
    public CompletableFuture<TunnelView> getTunnel() {
        return ctx.client().devboxes().async().retrieve(devboxId, null).thenApply(v -> v.tunnel());
    }

    /**
     * @param port a port on the devbox
     * @return the public URL of that port through the tunnel,
     *         {@code https://{port}-{tunnel_key}.tunnel.{domain}} where the domain is the API host
     *         without a leading {@code api.}; fails when no tunnel is open
     */
    public CompletableFuture<String> getTunnelUrl(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535 but was " + port);
        }
        return getTunnel().thenApply(tunnel -> {
            if (tunnel == null || tunnel.tunnelKey() == null) {
                throw new IllegalStateException("devbox " + devboxId + " has no tunnel; call enableTunnel() first");
            }
            return tunnelUrl(ctx.client().baseUrl(), port, tunnel.tunnelKey());
        });
    }

    static String tunnelUrl(URI base, int port, String key) {
        String host = base.getHost() == null ? "runloop.ai" : base.getHost();
        String domain = host.startsWith("api.") ? host.substring(4) : host;
        return "https://" + port + "-" + key + ".tunnel." + domain;
    }
}
