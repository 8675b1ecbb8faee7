package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.scenarios.ScenarioStartRunParams;
import ai.runloop.model.scenarios.ScenarioUpdateParams;
import ai.runloop.model.scenarios.ScenarioView;
import ai.runloop.sdk.internal.Blocking;

/** A scenario (blocking flavour; wraps an {@link AsyncScenario}). */
public final class Scenario {
    private final AsyncScenario async;

    Scenario(AsyncScenario async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncScenario async() {
        return async;
    }

    /** @return the scenario id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public ScenarioView getInfo() {
        return Blocking.call("Scenario.getInfo", async::getInfo);
    }

    /**
     * @param params the fields to change
     * @return the updated scenario
     */
    public ScenarioView update(ScenarioUpdateParams params) {
        return Blocking.call("Scenario.update", () -> async.update(params));
    }

    /**
     * @param runName a display name (null for none)
     * @return the started run
     */
    public ScenarioRun runAsync(String runName) {
        return new ScenarioRun(Blocking.call("Scenario.runAsync", () -> async.runAsync(runName)));
    }

    /**
     * @param params run parameters
     * @return the started run
     */
    public ScenarioRun runAsync(ScenarioStartRunParams params) {
        return new ScenarioRun(Blocking.call("Scenario.runAsync", () -> async.runAsync(params)));
    }

    /**
     * @param runName a display name (null for none)
     * @param polling the wait budget (null for the default)
     * @return the run once its devbox is running
     */
    public ScenarioRun run(String runName, PollingConfig polling) {
        return new ScenarioRun(Blocking.call("Scenario.run", () -> async.run(runName, polling)));
    }

    @Override
    public String toString() {
        return "Scenario{" + id() + '}';
    }
}
