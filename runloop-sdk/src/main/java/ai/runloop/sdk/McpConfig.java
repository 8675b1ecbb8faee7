package ai.runloop.sdk;

import ai.runloop.model.mcpconfigs.McpConfigUpdateParams;
import ai.runloop.model.mcpconfigs.McpConfigView;
import ai.runloop.sdk.internal.Blocking;

/** An MCP config (an MCP server devboxes reach through the MCP gateway) (blocking flavour; wraps an {@link AsyncMcpConfig}). */
public final class McpConfig {
    private final AsyncMcpConfig async;

    McpConfig(AsyncMcpConfig async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncMcpConfig async() {
        return async;
    }

    /** @return the id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public McpConfigView getInfo() {
        return Blocking.call("McpConfig.getInfo", async::getInfo);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public McpConfigView update(McpConfigUpdateParams params) {
        return Blocking.call("McpConfig.update", () -> async.update(params));
    }

    /** @return the final view after deletion */
    public McpConfigView delete() {
        return Blocking.call("McpConfig.delete", async::delete);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof McpConfig h && h.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "McpConfig{" + id() + '}';
    }
}
