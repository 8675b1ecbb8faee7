package ai.runloop.sdk;

import ai.runloop.model.scenarios.ScenarioCreateParams;
import ai.runloop.model.scenarios.ScenarioListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds scenarios ({@code CompletableFuture} flavour): {@code sdk.scenario()}. */
public final class AsyncScenarioOps {
    private final SdkContext ctx;

    AsyncScenarioOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param name the scenario's name
     * @return a builder whose {@code push()} creates the scenario
     */
    public ScenarioBuilder<CompletableFuture<AsyncScenario>> builder(String name) {
        return new ScenarioBuilder<>(name, this::create);
    }

    /**
     * @param params the create parameters
     * @return the new scenario
     */
    public CompletableFuture<AsyncScenario> create(ScenarioCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().scenarios().async().create(params, null).thenApply(v -> new AsyncScenario(ctx, v.id()));
    }

    /**
     * @param id a scenario id
     * @return a handle (no request is made)
     */
    public AsyncScenario fromId(String id) {
        return new AsyncScenario(ctx, id);
    }

    /** @return the scenarios of the first page */
    public CompletableFuture<List<AsyncScenario>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the scenarios of the first page
     */
    public CompletableFuture<List<AsyncScenario>> list(ScenarioListParams params) {
        return ctx.client().scenarios().async().list(params, null)
                .thenApply(page -> page.scenarios().stream().map(v -> new AsyncScenario(ctx, v.id())).toList());
    }
}
