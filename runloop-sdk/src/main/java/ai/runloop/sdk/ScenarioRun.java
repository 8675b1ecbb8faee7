package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.scenarios.ScenarioRunView;
import ai.runloop.model.scenarios.ScoringContractResultView;
import ai.runloop.sdk.internal.Blocking;
import java.nio.file.Path;

/** A run of a scenario (blocking flavour; wraps an {@link AsyncScenarioRun}). */
public final class ScenarioRun {
    private final AsyncScenarioRun async;

    ScenarioRun(AsyncScenarioRun async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncScenarioRun async() {
        return async;
    }

    /** @return the run id */
    public String id() {
        return async.id();
    }

    /** @return the devbox hosting the run, or null */
    public String devboxId() {
        return async.devboxId();
    }

    /** @return the devbox hosting the run */
    public Devbox devbox() {
        return new Devbox(async.devbox());
    }

    /** @return the current view */
    public ScenarioRunView getInfo() {
        return Blocking.call("ScenarioRun.getInfo", async::getInfo);
    }

    /**
     * @param polling the wait budget (null for the default)
     * @return the run once its devbox is running
     */
    public ScenarioRunView awaitEnvReady(PollingConfig polling) {
        return Blocking.call("ScenarioRun.awaitEnvReady", () -> async.awaitEnvReady(polling));
    }

    /** @return the run after scoring was requested */
    public ScenarioRunView score() {
        return Blocking.call("ScenarioRun.score", async::score);
    }

    /**
     * @param polling interval, attempts and budget (null for the default)
     * @return the scored run
     */
    public ScenarioRunView awaitScored(PollingConfig polling) {
        return Blocking.call("ScenarioRun.awaitScored", () -> async.awaitScored(polling));
    }

    /**
     * @param polling interval, attempts and budget (null for the default)
     * @return the scored run
     */
    public ScenarioRunView scoreAndAwait(PollingConfig polling) {
        return Blocking.call("ScenarioRun.scoreAndAwait", () -> async.scoreAndAwait(polling));
    }

    /**
     * @param polling interval, attempts and budget (null for the default)
     * @return the completed run
     */
    public ScenarioRunView scoreAndComplete(PollingConfig polling) {
        return Blocking.call("ScenarioRun.scoreAndComplete", () -> async.scoreAndComplete(polling));
    }

    /** @return the completed run */
    public ScenarioRunView complete() {
        return Blocking.call("ScenarioRun.complete", async::complete);
    }

    /** @return the cancelled run */
    public ScenarioRunView cancel() {
        return Blocking.call("ScenarioRun.cancel", async::cancel);
    }

    /**
     * @param target a local zip file
     * @return the number of bytes written
     */
    public long downloadLogs(Path target) {
        return Blocking.call("ScenarioRun.downloadLogs", () -> async.downloadLogs(target));
    }

    /** @return the scoring result, or null before scoring */
    public ScoringContractResultView getScore() {
        return Blocking.call("ScenarioRun.getScore", async::getScore);
    }

    @Override
    public String toString() {
        return "ScenarioRun{" + id() + '}';
    }
}
