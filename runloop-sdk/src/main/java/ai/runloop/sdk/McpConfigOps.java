package ai.runloop.sdk;

import ai.runloop.model.mcpconfigs.McpConfigCreateParams;
import ai.runloop.model.mcpconfigs.McpConfigListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds MCP configs (blocking flavour; wraps {@link AsyncMcpConfigOps}): {@code sdk.mcpConfig()}. */
public final class McpConfigOps {
    private final AsyncMcpConfigOps async;

    McpConfigOps(AsyncMcpConfigOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncMcpConfigOps async() {
        return async;
    }

    /**
     * @param params the create parameters
     * @return the new MCP config
     */
    public McpConfig create(McpConfigCreateParams params) {
        return new McpConfig(Blocking.call("mcpConfig.create", () -> async.create(params)));
    }

    /**
     * @param id an existing MCP config's id
     * @return a handle (no request is made)
     */
    public McpConfig fromId(String id) {
        return new McpConfig(async.fromId(id));
    }

    /** @return the MCP configs of the first page */
    public List<McpConfig> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the MCP configs of the first page
     */
    public List<McpConfig> list(McpConfigListParams params) {
        return Blocking.call("mcpConfig.list", () -> async.list(params)).stream().map(McpConfig::new).toList();
    }
}
