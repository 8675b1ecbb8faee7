package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.errors.UnexpectedStateException;
import ai.runloop.api.internal.Waits;
import ai.runloop.model.scenarios.ScenarioRunState;
import ai.runloop.model.scenarios.ScenarioRunView;
import ai.runloop.model.scenarios.ScoringContractResultView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** A run of a scenario ({@code CompletableFuture} flavour): an immutable handle holding its id and its devbox's id. */
public final class AsyncScenarioRun {
    private final SdkContext ctx;
    private final String id;
    private final String devboxId;

    AsyncScenarioRun(SdkContext ctx, String id, String devboxId) {
        this.ctx = ctx;
        this.id = Checks.notBlank("scenarioRunId", id);
        this.devboxId = devboxId;
    }

    /** @return the run id */
    public String id() {
        return id;
    }

    /** @return the devbox hosting the run, or null when unknown */
    public String devboxId() {
        return devboxId;
    }

    /** @return a handle for the devbox hosting the run */
    public AsyncDevbox devbox() {
        if (devboxId == null) {
            throw new IllegalStateException("scenario run " + id + " has no devbox id");
        }
        return new AsyncDevbox(ctx, devboxId);
    }

    /** @return the current view */
    public CompletableFuture<ScenarioRunView> getInfo() {
        return ctx.client().scenarios().runs().async().retrieve(id, null);
    }

    /**
     * @param polling the wait budget (null for the default)
     * @return the run once its devbox is running
     */
    public CompletableFuture<ScenarioRunView> awaitEnvReady(PollingConfig polling) {
        return devbox().awaitRunning(polling).thenCompose(v -> getInfo());
    }

    /** @return the run after scoring was requested */
    public CompletableFuture<ScenarioRunView> score() {
        return ctx.client().scenarios().runs().async().score(id, null);
    }

    /**
     * Polls while the run is scoring.
     *
     * @param polling interval, attempts and budget (null for the default)
     * @return the scored run; fails with {@link UnexpectedStateException} when it ends otherwise
     */
    public CompletableFuture<ScenarioRunView> awaitScored(PollingConfig polling) {
        String awaited = "scenario run " + id + " to be scored";
        return Waits.poll(ctx.core(), this::getInfo, v -> ScenarioRunState.SCORING.equals(v.state()), v -> String.valueOf(v.state()),
                polling, awaited).thenApply(v -> {
                    if (ScenarioRunState.SCORED.equals(v.state())) {
                        return v;
                    }
                    throw new UnexpectedStateException("Waited for " + awaited + " but it is " + v.state(),
                            String.valueOf(v.state()), v);
                });
    }

    /**
     * @param polling interval, attempts and budget (null for the default)
     * @return the scored run
     */
    public CompletableFuture<ScenarioRunView> scoreAndAwait(PollingConfig polling) {
        return score().thenCompose(v -> awaitScored(polling));
    }

    /**
     * @param polling interval, attempts and budget (null for the default)
     * @return the completed run, after scoring
     */
    public CompletableFuture<ScenarioRunView> scoreAndComplete(PollingConfig polling) {
        return scoreAndAwait(polling).thenCompose(v -> complete());
    }

    /** @return the completed run */
    public CompletableFuture<ScenarioRunView> complete() {
        return ctx.client().scenarios().runs().async().complete(id, null);
    }

    /** @return the cancelled run */
    public CompletableFuture<ScenarioRunView> cancel() {
        return ctx.client().scenarios().runs().async().cancel(id, null);
    }

    /**
     * @param target a local zip file (replaced)
     * @return the number of bytes written
     */
    public CompletableFuture<Long> downloadLogs(Path target) {
        Checks.notNull("target", target);
        return ctx.client().scenarios().runs().async().downloadLogs(id, null).thenCompose(r -> r.writeToAsync(target));
    }

    /** @return the scoring result, or null before scoring */
    public CompletableFuture<ScoringContractResultView> getScore() {
        return getInfo().thenApply(ScenarioRunView::scoringContractResult);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncScenarioRun r && r.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncScenarioRun{" + id + '}';
    }
}
