package ai.runloop.sdk;

import ai.runloop.model.scenarios.ScorerCreateParams;
import ai.runloop.model.scenarios.ScorerListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds scorers (blocking flavour; wraps {@link AsyncScorerOps}): {@code sdk.scorer()}. */
public final class ScorerOps {
    private final AsyncScorerOps async;

    ScorerOps(AsyncScorerOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncScorerOps async() {
        return async;
    }

    /**
     * @param params the create parameters
     * @return the new scorer
     */
    public Scorer create(ScorerCreateParams params) {
        return new Scorer(Blocking.call("scorer.create", () -> async.create(params)));
    }

    /**
     * @param id an existing scorer's id
     * @return a handle (no request is made)
     */
    public Scorer fromId(String id) {
        return new Scorer(async.fromId(id));
    }

    /** @return the scorers of the first page */
    public List<Scorer> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the scorers of the first page
     */
    public List<Scorer> list(ScorerListParams params) {
        return Blocking.call("scorer.list", () -> async.list(params)).stream().map(Scorer::new).toList();
    }
}
