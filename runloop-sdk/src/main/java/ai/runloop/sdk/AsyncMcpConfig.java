package ai.runloop.sdk;

import ai.runloop.model.mcpconfigs.McpConfigUpdateParams;
import ai.runloop.model.mcpconfigs.McpConfigView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/** An MCP config (an MCP server devboxes reach through the MCP gateway) ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncMcpConfig {
    private final SdkContext ctx;
    private final String id;

    AsyncMcpConfig(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("mcpConfigId", id);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the current view */
    public CompletableFuture<McpConfigView> getInfo() {
        return ctx.client().mcpConfigs().async().retrieve(id, null);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public CompletableFuture<McpConfigView> update(McpConfigUpdateParams params) {
        Checks.notNull("params", params);
        return ctx.client().mcpConfigs().async().update(id, params, null);
    }

    /** @return the final view after deletion */
    public CompletableFuture<McpConfigView> delete() {
        return ctx.client().mcpConfigs().async().delete(id, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncMcpConfig h && h.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncMcpConfig{" + id + '}';
    }
}
