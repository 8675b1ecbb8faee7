package ai.runloop.sdk;

import ai.runloop.model.scenarios.ScorerCreateParams;
import ai.runloop.model.scenarios.ScorerListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds scorers ({@code CompletableFuture} flavour): {@code sdk.scorer()}. */
public final class AsyncScorerOps {
    private final SdkContext ctx;

    AsyncScorerOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params the create parameters
     * @return the new scorer
     */
    public CompletableFuture<AsyncScorer> create(ScorerCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().scenarios().scorers().async().create(params, null).thenApply(v -> new AsyncScorer(ctx, v.id()));
    }

    /**
     * @param id an existing scorer's id
     * @return a handle (no request is made)
     */
    public AsyncScorer fromId(String id) {
        return new AsyncScorer(ctx, id);
    }

    /** @return the scorers of the first page */
    public CompletableFuture<List<AsyncScorer>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the scorers of the first page
     */
    public CompletableFuture<List<AsyncScorer>> list(ScorerListParams params) {
        return ctx.client().scenarios().scorers().async().list(params, null)
                .thenApply(page -> page.scorers().stream().map(v -> new AsyncScorer(ctx, v.id())).toList());
    }
}
