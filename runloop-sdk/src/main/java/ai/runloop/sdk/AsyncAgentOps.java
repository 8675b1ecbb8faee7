package ai.runloop.sdk;

import ai.runloop.model.agents.AgentCreateParams;
import ai.runloop.model.agents.AgentListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds agents ({@code CompletableFuture} flavour): {@code sdk.agent()}. */
public final class AsyncAgentOps {
    private final SdkContext ctx;

    AsyncAgentOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params the create parameters
     * @return the new agent
     */
    public CompletableFuture<AsyncAgent> create(AgentCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().agents().async().create(params, null).thenApply(v -> new AsyncAgent(ctx, v.id()));
    }

    /**
     * @param id an existing agent's id
     * @return a handle (no request is made)
     */
    public AsyncAgent fromId(String id) {
        return new AsyncAgent(ctx, id);
    }

    /** @return the agents of the first page */
    public CompletableFuture<List<AsyncAgent>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the agents of the first page
     */
    public CompletableFuture<List<AsyncAgent>> list(AgentListParams params) {
        return ctx.client().agents().async().list(params, null)
                .thenApply(page -> page.agents().stream().map(v -> new AsyncAgent(ctx, v.id())).toList());
    }
}
