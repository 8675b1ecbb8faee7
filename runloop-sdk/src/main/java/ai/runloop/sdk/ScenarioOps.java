package ai.runloop.sdk;

import ai.runloop.model.scenarios.ScenarioCreateParams;
import ai.runloop.model.scenarios.ScenarioListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds scenarios (blocking flavour; wraps {@link AsyncScenarioOps}): {@code sdk.scenario()}. */
public final class ScenarioOps {
    private final AsyncScenarioOps async;

    ScenarioOps(AsyncScenarioOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncScenarioOps async() {
        return async;
    }

    /**
     * @param name the scenario's name
     * @return a builder whose {@code push()} creates the scenario
     */
    public ScenarioBuilder<Scenario> builder(String name) {
        return new ScenarioBuilder<>(name, this::create);
    }

    /**
     * @param params the create parameters
     * @return the new scenario
     */
    public Scenario create(ScenarioCreateParams params) {
        return new Scenario(Blocking.call("scenario.create", () -> async.create(params)));
    }

    /**
     * @param id a scenario id
     * @return a handle (no request is made)
     */
    public Scenario fromId(String id) {
        return new Scenario(async.fromId(id));
    }

    /** @return the scenarios of the first page */
    public List<Scenario> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the scenarios of the first page
     */
    public List<Scenario> list(ScenarioListParams params) {
        return Blocking.call("scenario.list", () -> async.list(params)).stream().map(Scenario::new).toList();
    }
}
