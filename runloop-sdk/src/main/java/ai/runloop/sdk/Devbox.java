package ai.runloop.sdk;

import ai.runloop.model.devboxes.GatewayTokenView;
import ai.runloop.model.devboxes.McpTokenView;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.devboxes.DevboxLogsListView;
import ai.runloop.model.devboxes.DevboxSnapshotDiskAsyncParams;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.sdk.internal.Blocking;

/**
 * A devbox (blocking flavour; wraps an {@link AsyncDevbox}): an immutable handle holding its id.
 * {@link #close()} shuts it down, so try-with-resources never leaves one running:
 *
 * <pre>{@code
 * try (Devbox devbox = sdk.devbox().create()) {
 *     System.out.println(devbox.cmd().exec("uname -a").stdout());
 * }
 * }</pre>
 */
public final class Devbox implements AutoCloseable {
    private final AsyncDevbox async;

    Devbox(AsyncDevbox async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncDevbox async() {
        return async;
    }

    /** @return the devbox id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public DevboxView getInfo() {
        return Blocking.call("Devbox.getInfo", async::getInfo);
    }

    /** @return commands, a fresh shell each */
    public CommandOps cmd() {
        return new CommandOps(async.cmd());
    }

    /**
     * @param name a persistent shell's name
     * @return commands in that shell
     */
    public CommandOps shell(String name) {
        return new CommandOps(async.shell(name));
    }

    /** @return commands in a new persistent shell with a generated name */
    public CommandOps shell() {
        return new CommandOps(async.shell());
    }

    /** @return files on the devbox */
    public FileOps file() {
        return new FileOps(async.file());
    }

    /** @return SSH keys and tunnels */
    public NetOps net() {
        return new NetOps(async.net());
    }

    /** @return the running devbox */
    public DevboxView awaitRunning() {
        return Blocking.call("Devbox.awaitRunning", () -> async.awaitRunning());
    }

    /**
     * @param polling the wait budget
     * @return the running devbox
     */
    public DevboxView awaitRunning(PollingConfig polling) {
        return Blocking.call("Devbox.awaitRunning", () -> async.awaitRunning(polling));
    }

    /** @return the suspended devbox */
    public DevboxView awaitSuspended() {
        return Blocking.call("Devbox.awaitSuspended", () -> async.awaitSuspended());
    }

    /**
     * @param polling the wait budget
     * @return the suspended devbox
     */
    public DevboxView awaitSuspended(PollingConfig polling) {
        return Blocking.call("Devbox.awaitSuspended", () -> async.awaitSuspended(polling));
    }

    /** @return the devbox once suspended */
    public DevboxView suspend() {
        return Blocking.call("Devbox.suspend", () -> async.suspend());
    }

    /**
     * @param polling the wait budget
     * @return the devbox once suspended
     */
    public DevboxView suspend(PollingConfig polling) {
        return Blocking.call("Devbox.suspend", () -> async.suspend(polling));
    }

    /** @return the devbox once running again */
    public DevboxView resume() {
        return Blocking.call("Devbox.resume", () -> async.resume());
    }

    /**
     * @param polling the wait budget
     * @return the devbox once running again
     */
    public DevboxView resume(PollingConfig polling) {
        return Blocking.call("Devbox.resume", () -> async.resume(polling));
    }

    /** @return the devbox as the resume request left it, without waiting */
    public DevboxView resumeAsync() {
        return Blocking.call("Devbox.resumeAsync", async::resumeAsync);
    }

    /**
     * Calls {@code callback} once when the platform announces that this devbox will be evicted; see
     * {@link AsyncDevbox#onEvict(java.util.function.Consumer)}. Returns at once.
     *
     * @param callback runs on a transport thread: keep it cheap, never block in it
     */
    public void onEvict(java.util.function.Consumer<ai.runloop.model.devboxes.DevboxEvictionEventView> callback) {
        async.onEvict(callback);
    }

    /** @return whether this devbox had an eviction callback, which is now removed */
    public boolean cancelOnEvict() {
        return async.cancelOnEvict();
    }

    /** Resets the idle timer. */
    public void keepAlive() {
        Blocking.call("Devbox.keepAlive", async::keepAlive);
    }

    /**
     * @param gateway a gateway config id or name
     * @param secret  a secret id or name
     * @return a token through which this devbox calls the gateway
     */
    public GatewayTokenView createGatewayToken(String gateway, String secret) {
        return Blocking.call("Devbox.createGatewayToken", () -> async.createGatewayToken(gateway, secret));
    }

    /**
     * @param mcpConfig an MCP config id or name
     * @param secret    a secret id or name
     * @return a token through which this devbox calls the MCP server
     */
    public McpTokenView createMcpToken(String mcpConfig, String secret) {
        return Blocking.call("Devbox.createMcpToken", () -> async.createMcpToken(mcpConfig, secret));
    }

    /** @return the devbox after it was shut down */
    public DevboxView shutdown() {
        return Blocking.call("Devbox.shutdown", async::shutdown);
    }

    /** @return the devbox's logs */
    public DevboxLogsListView logs() {
        return Blocking.call("Devbox.logs", async::logs);
    }

    /** @return a disk snapshot, once complete */
    public Snapshot snapshotDisk() {
        return new Snapshot(Blocking.call("Devbox.snapshotDisk", () -> async.snapshotDisk()));
    }

    /**
     * @param params name, metadata and commit message
     * @return the snapshot, once complete
     */
    public Snapshot snapshotDisk(DevboxSnapshotDiskAsyncParams params) {
        return new Snapshot(Blocking.call("Devbox.snapshotDisk", () -> async.snapshotDisk(params)));
    }

    /**
     * @param params  name, metadata and commit message
     * @param polling the wait budget
     * @return the snapshot, once complete
     */
    public Snapshot snapshotDisk(DevboxSnapshotDiskAsyncParams params, PollingConfig polling) {
        return new Snapshot(Blocking.call("Devbox.snapshotDisk", () -> async.snapshotDisk(params, polling)));
    }

    /** @return the snapshot just started */
    public Snapshot snapshotDiskAsync() {
        return new Snapshot(Blocking.call("Devbox.snapshotDiskAsync", () -> async.snapshotDiskAsync()));
    }

    /**
     * @param params name, metadata and commit message
     * @return the snapshot just started
     */
    public Snapshot snapshotDiskAsync(DevboxSnapshotDiskAsyncParams params) {
        return new Snapshot(Blocking.call("Devbox.snapshotDiskAsync", () -> async.snapshotDiskAsync(params)));
    }

    /** Shuts the devbox down. */
    @Override
    public void close() {
        shutdown();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Devbox d && d.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "Devbox{" + id() + '}';
    }
}
