package ai.runloop.sdk;

import ai.runloop.model.devboxes.DevboxCreateGatewayTokenParams;
import ai.runloop.model.devboxes.DevboxCreateMcpTokenParams;
import ai.runloop.model.devboxes.GatewayTokenView;
import ai.runloop.model.devboxes.McpTokenView;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.internal.Composites;
import ai.runloop.api.internal.Uuid7;
import ai.runloop.model.devboxes.DevboxLogsListView;
import ai.runloop.model.devboxes.DevboxSnapshotDiskAsyncParams;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/**
 * A devbox ({@code CompletableFuture} flavour): an immutable handle holding its id. {@link #getInfo()}
 * fetches the current state; {@link #cmd()}, {@link #file()} and {@link #net()} reach commands, files
 * and the network. Nothing here blocks a thread. Remember to {@link #shutdown()} it.
 */
public final class AsyncDevbox {
    private final SdkContext ctx;
    private final String id;

    AsyncDevbox(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("devboxId", id);
    }

    /** @return the devbox id */
    public String id() {
        return id;
    }

    /** @return the current view (status, launch parameters, tunnel, ...) */
    public CompletableFuture<DevboxView> getInfo() {
        return ctx.client().devboxes().async().retrieve(id, null);
    }

    /** @return commands in a fresh shell each */
    public AsyncCommandOps cmd() {
        return new AsyncCommandOps(ctx, id, null);
    }

    /**
     * @param name a persistent shell's name (letters, digits, '-' and '_')
     * @return commands in that shell: working directory and exported variables carry over
     */
    public AsyncCommandOps shell(String name) {
        return new AsyncCommandOps(ctx, id, Checks.notBlank("name", name));
    }

    /** @return commands in a new persistent shell with a generated (UUIDv7) name */
    public AsyncCommandOps shell() {
        return new AsyncCommandOps(ctx, id, Uuid7.next());
    }

    /** @return files on the devbox */
    public AsyncFileOps file() {
        return new AsyncFileOps(ctx, id);
    }

    /** @return SSH keys and tunnels */
    public AsyncNetOps net() {
        return new AsyncNetOps(ctx, id);
    }

    /** @return the running devbox; fails when it reaches failure or shutdown, or after 120 s */
    public CompletableFuture<DevboxView> awaitRunning() {
        return awaitRunning(null);
    }

    /**
     * @param polling the wait budget (null for the default)
     * @return the running devbox
     */
    public CompletableFuture<DevboxView> awaitRunning(PollingConfig polling) {
        return Composites.awaitRunning(ctx.core(), id, polling);
    }

    /** @return the suspended devbox; fails when it reaches failure or shutdown instead */
    public CompletableFuture<DevboxView> awaitSuspended() {
        return awaitSuspended(null);
    }

    /**
     * @param polling the wait budget (null for the default)
     * @return the suspended devbox
     */
    public CompletableFuture<DevboxView> awaitSuspended(PollingConfig polling) {
        return Composites.awaitSuspended(ctx.core(), id, polling);
    }

    /** @return the devbox once suspended (requests the suspend, then waits) */
    public CompletableFuture<DevboxView> suspend() {
        return suspend(null);
    }

    /**
     * @param polling the wait budget (null for the default)
     * @return the devbox once suspended
     */
    public CompletableFuture<DevboxView> suspend(PollingConfig polling) {
        return ctx.client().devboxes().async().suspend(id, null).thenCompose(v -> awaitSuspended(polling));
    }

    /** @return the devbox once running again (requests the resume, then waits) */
    public CompletableFuture<DevboxView> resume() {
        return resume(null);
    }

    /**
     * @param polling the wait budget (null for the default)
     * @return the devbox once running again
     */
    public CompletableFuture<DevboxView> resume(PollingConfig polling) {
        return ctx.client().devboxes().async().resume(id, null).thenCompose(v -> awaitRunning(polling));
    }

    /** @return the devbox as the resume request left it, without waiting for it to run */
    public CompletableFuture<DevboxView> resumeAsync() {
        return ctx.client().devboxes().async().resume(id, null);
    }

    /**
     * Calls {@code callback} once when the platform announces that this devbox will be evicted (moved off
     * its host; the event carries the deadline), replacing an earlier callback of this devbox. While any
     * devbox of this SDK has a callback, the SDK keeps one account-wide eviction stream open and
     * reopens it after errors; it closes the stream when the last callback has fired or been cancelled,
     * or when the SDK is closed.
     *
     * @param callback runs on a transport thread: keep it cheap, never block in it
     */
    public void onEvict(java.util.function.Consumer<ai.runloop.model.devboxes.DevboxEvictionEventView> callback) {
        Checks.notNull("callback", callback);
        ctx.evictions().register(id, callback);
    }

    /** @return whether this devbox had an eviction callback, which is now removed */
    public boolean cancelOnEvict() {
        return ctx.evictions().unregister(id);
    }

    /** @return completes when the idle timer was reset */
    public CompletableFuture<Void> keepAlive() {
        return ctx.client().devboxes().async().keepAlive(id, null).thenApply(v -> null);
    }

    /**
     * Mints a token through which this devbox calls a gateway (an upstream API) with a secret it never sees.
     *
     * @param gateway a gateway config id ({@code gwc_...}) or name
     * @param secret  a secret id or name
     * @return the token and where to use it
     */
    public CompletableFuture<GatewayTokenView> createGatewayToken(String gateway, String secret) {
        Checks.notBlank("gateway", gateway);
        Checks.notBlank("secret", secret);
        return ctx.client().devboxes().async().createGatewayToken(id,
                DevboxCreateGatewayTokenParams.builder().gateway(gateway).secret(secret).build(), null);
    }

    /**
     * Mints a token through which this devbox calls an MCP server with a secret it never sees.
     *
     * @param mcpConfig an MCP config id ({@code mcp_...}) or name
     * @param secret    a secret id or name
     * @return the token and where to use it
     */
    public CompletableFuture<McpTokenView> createMcpToken(String mcpConfig, String secret) {
        Checks.notBlank("mcpConfig", mcpConfig);
        Checks.notBlank("secret", secret);
        return ctx.client().devboxes().async().createMcpToken(id,
                DevboxCreateMcpTokenParams.builder().mcpConfig(mcpConfig).secret(secret).build(), null);
    }

    /** @return the devbox after it was shut down (for good) */
    public CompletableFuture<DevboxView> shutdown() {
        return ctx.client().devboxes().async().shutdown(id, null, null);
    }

    /** @return the devbox's logs */
    public CompletableFuture<DevboxLogsListView> logs() {
        return ctx.client().devboxes().logs().async().list(id, null, null);
    }

    /** @return a disk snapshot, once complete */
    public CompletableFuture<AsyncSnapshot> snapshotDisk() {
        return snapshotDisk(null, null);
    }

    /**
     * @param params name, metadata and commit message (null for none)
     * @return the snapshot, once complete
     */
    public CompletableFuture<AsyncSnapshot> snapshotDisk(DevboxSnapshotDiskAsyncParams params) {
        return snapshotDisk(params, null);
    }

    /**
     * Starts a disk snapshot and polls it until it completes.
     *
     * @param params  name, metadata and commit message (null for none)
     * @param polling the wait budget (null for the default)
     * @return the snapshot, once complete; fails when the snapshot ends in error
     */
    public CompletableFuture<AsyncSnapshot> snapshotDisk(DevboxSnapshotDiskAsyncParams params, PollingConfig polling) {
        return snapshotDiskAsync(params).thenCompose(s -> s.awaitCompleted(polling).thenApply(v -> s));
    }

    /** @return the snapshot just started (not yet complete) */
    public CompletableFuture<AsyncSnapshot> snapshotDiskAsync() {
        return snapshotDiskAsync(null);
    }

    /**
     * @param params name, metadata and commit message (null for none)
     * @return the snapshot just started; {@link AsyncSnapshot#awaitCompleted()} waits for it
     */
    public CompletableFuture<AsyncSnapshot> snapshotDiskAsync(DevboxSnapshotDiskAsyncParams params) {
        return ctx.client().devboxes().async().snapshotDiskAsync(id, params, null)
                .thenApply(view -> new AsyncSnapshot(ctx, view.id()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncDevbox d && d.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncDevbox{" + id + '}';
    }
}
