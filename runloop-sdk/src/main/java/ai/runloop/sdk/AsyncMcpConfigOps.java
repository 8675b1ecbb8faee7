package ai.runloop.sdk;

import ai.runloop.model.mcpconfigs.McpConfigCreateParams;
import ai.runloop.model.mcpconfigs.McpConfigListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds MCP configs ({@code CompletableFuture} flavour): {@code sdk.mcpConfig()}. */
public final class AsyncMcpConfigOps {
    private final SdkContext ctx;

    AsyncMcpConfigOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params the create parameters
     * @return the new MCP config
     */
    public CompletableFuture<AsyncMcpConfig> create(McpConfigCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().mcpConfigs().async().create(params, null).thenApply(v -> new AsyncMcpConfig(ctx, v.id()));
    }

    /**
     * @param id an existing MCP config's id
     * @return a handle (no request is made)
     */
    public AsyncMcpConfig fromId(String id) {
        return new AsyncMcpConfig(ctx, id);
    }

    /** @return the MCP configs of the first page */
    public CompletableFuture<List<AsyncMcpConfig>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the MCP configs of the first page
     */
    public CompletableFuture<List<AsyncMcpConfig>> list(McpConfigListParams params) {
        return ctx.client().mcpConfigs().async().list(params, null)
                .thenApply(page -> page.mcpConfigs().stream().map(v -> new AsyncMcpConfig(ctx, v.id())).toList());
    }
}
