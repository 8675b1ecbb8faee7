package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.scenarios.ScenarioStartRunParams;
import ai.runloop.model.scenarios.ScenarioUpdateParams;
import ai.runloop.model.scenarios.ScenarioView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/** A scenario, a task with scorers ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncScenario {
    private final SdkContext ctx;
    private final String id;

    AsyncScenario(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("scenarioId", id);
    }

    /** @return the scenario id */
    public String id() {
        return id;
    }

    /** @return the current view */
    public CompletableFuture<ScenarioView> getInfo() {
        return ctx.client().scenarios().async().retrieve(id, null);
    }

    /**
     * @param params the fields to change
     * @return the updated scenario
     */
    public CompletableFuture<ScenarioView> update(ScenarioUpdateParams params) {
        Checks.notNull("params", params);
        return ctx.client().scenarios().async().update(id, params, null);
    }

    /**
     * @param runName a display name (null for none)
     * @return the started run, without waiting for its devbox
     */
    public CompletableFuture<AsyncScenarioRun> runAsync(String runName) {
        return runAsync(ScenarioStartRunParams.builder().scenarioId(id).runName(runName).build());
    }

    /**
     * @param params run name, metadata, benchmark run and run profile (its scenario id is replaced by this one)
     * @return the started run, without waiting for its devbox
     */
    public CompletableFuture<AsyncScenarioRun> runAsync(ScenarioStartRunParams params) {
        Checks.notNull("params", params);
        return ctx.client().scenarios().async().startRun(params.toBuilder().scenarioId(id).build(), null)
                .thenApply(v -> new AsyncScenarioRun(ctx, v.id(), v.devboxId()));
    }

    /**
     * @param runName a display name (null for none)
     * @param polling the wait budget (null for the default)
     * @return the run once its devbox is running
     */
    public CompletableFuture<AsyncScenarioRun> run(String runName, PollingConfig polling) {
        return runAsync(runName).thenCompose(r -> r.awaitEnvReady(polling).thenApply(v -> r));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncScenario s && s.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncScenario{" + id + '}';
    }
}
