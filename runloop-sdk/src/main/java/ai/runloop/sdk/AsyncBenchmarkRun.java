package ai.runloop.sdk;

import ai.runloop.model.benchmarks.BenchmarkRunView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A run of a benchmark ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class AsyncBenchmarkRun {
    private final SdkContext ctx;
    private final String id;

    AsyncBenchmarkRun(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("benchmarkRunId", id);
    }

    /** @return the run id */
    public String id() {
        return id;
    }

    /** @return the current view */
    public CompletableFuture<BenchmarkRunView> getInfo() {
        return ctx.client().benchmarkRuns().async().retrieve(id, null);
    }

    /** @return the cancelled run */
    public CompletableFuture<BenchmarkRunView> cancel() {
        return ctx.client().benchmarkRuns().async().cancel(id, null);
    }

    /** @return the completed run */
    public CompletableFuture<BenchmarkRunView> complete() {
        return ctx.client().benchmarkRuns().async().complete(id, null);
    }

    /** @return the scenario runs of this run (first page) */
    public CompletableFuture<List<AsyncScenarioRun>> listScenarioRuns() {
        return ctx.client().benchmarkRuns().async().listScenarioRuns(id, null, null)
                .thenApply(page -> page.runs().stream().map(v -> new AsyncScenarioRun(ctx, v.id(), v.devboxId())).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncBenchmarkRun r && r.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncBenchmarkRun{" + id + '}';
    }
}
