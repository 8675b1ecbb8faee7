package ai.runloop.sdk;

import ai.runloop.model.scenarios.ScorerRetrieveResponse;
import ai.runloop.model.scenarios.ScorerUpdateParams;
import ai.runloop.model.scenarios.ScorerUpdateResponse;
import ai.runloop.sdk.internal.Blocking;

/** A custom scenario scorer (a bash script that prints a score) (blocking flavour; wraps an {@link AsyncScorer}). */
public final class Scorer {
    private final AsyncScorer async;

    Scorer(AsyncScorer async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncScorer async() {
        return async;
    }

    /** @return the id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public ScorerRetrieveResponse getInfo() {
        return Blocking.call("Scorer.getInfo", async::getInfo);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public ScorerUpdateResponse update(ScorerUpdateParams params) {
        return Blocking.call("Scorer.update", () -> async.update(params));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scorer h && h.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "Scorer{" + id() + '}';
    }
}
