package ai.runloop.sdk;

import ai.runloop.model.benchmarks.BenchmarkRunListParams;
import ai.runloop.model.benchmarks.BenchmarkStartRunParams;
import ai.runloop.model.benchmarks.BenchmarkUpdateParams;
import ai.runloop.model.benchmarks.BenchmarkUpdateScenariosParams;
import ai.runloop.model.benchmarks.BenchmarkView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A benchmark, a set of scenarios to run together ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncBenchmark {
    private final SdkContext ctx;
    private final String id;

    AsyncBenchmark(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("benchmarkId", id);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the current view */
    public CompletableFuture<BenchmarkView> getInfo() {
        return ctx.client().benchmarks().async().retrieve(id, null);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public CompletableFuture<BenchmarkView> update(BenchmarkUpdateParams params) {
        Checks.notNull("params", params);
        return ctx.client().benchmarks().async().update(id, params, null);
    }
    /**
     * @param runName  a display name (null for none)
     * @param metadata labels (null for none)
     * @return the started run
     */
    public CompletableFuture<AsyncBenchmarkRun> startRun(String runName, Map<String, String> metadata) {
        return ctx.client().benchmarks().async().startRun(BenchmarkStartRunParams.builder().benchmarkId(id)
                .runName(runName).metadata(metadata).build(), null).thenApply(v -> new AsyncBenchmarkRun(ctx, v.id()));
    }

    /**
     * @param scenarioIds scenarios to add
     * @return the updated benchmark
     */
    public CompletableFuture<BenchmarkView> addScenarios(List<String> scenarioIds) {
        Checks.notNull("scenarioIds", scenarioIds);
        return ctx.client().benchmarks().async().updateScenarios(id,
                BenchmarkUpdateScenariosParams.builder().scenariosToAdd(scenarioIds).build(), null);
    }

    /**
     * @param scenarioIds scenarios to remove
     * @return the updated benchmark
     */
    public CompletableFuture<BenchmarkView> removeScenarios(List<String> scenarioIds) {
        Checks.notNull("scenarioIds", scenarioIds);
        return ctx.client().benchmarks().async().updateScenarios(id,
                BenchmarkUpdateScenariosParams.builder().scenariosToRemove(scenarioIds).build(), null);
    }

    /** @return the runs of this benchmark (first page) */
    public CompletableFuture<List<AsyncBenchmarkRun>> listRuns() {
        return ctx.client().benchmarkRuns().async().list(BenchmarkRunListParams.builder().benchmarkId(id).build(), null)
                .thenApply(page -> page.runs().stream().map(v -> new AsyncBenchmarkRun(ctx, v.id())).toList());
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncBenchmark h && h.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncBenchmark{" + id + '}';
    }
}
