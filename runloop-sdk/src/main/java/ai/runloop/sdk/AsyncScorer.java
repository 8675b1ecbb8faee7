package ai.runloop.sdk;

import ai.runloop.model.scenarios.ScorerRetrieveResponse;
import ai.runloop.model.scenarios.ScorerUpdateParams;
import ai.runloop.model.scenarios.ScorerUpdateResponse;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/** A custom scenario scorer (a bash script that prints a score) ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncScorer {
    private final SdkContext ctx;
    private final String id;

    AsyncScorer(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("scorerId", id);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the current view */
    public CompletableFuture<ScorerRetrieveResponse> getInfo() {
        return ctx.client().scenarios().scorers().async().retrieve(id, null);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public CompletableFuture<ScorerUpdateResponse> update(ScorerUpdateParams params) {
        Checks.notNull("params", params);
        return ctx.client().scenarios().scorers().async().update(id, params, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncScorer h && h.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncScorer{" + id + '}';
    }
}
