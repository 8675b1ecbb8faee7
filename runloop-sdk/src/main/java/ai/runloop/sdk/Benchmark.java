package ai.runloop.sdk;

import ai.runloop.model.benchmarks.BenchmarkRunListParams;
import ai.runloop.model.benchmarks.BenchmarkStartRunParams;
import ai.runloop.model.benchmarks.BenchmarkUpdateParams;
import ai.runloop.model.benchmarks.BenchmarkUpdateScenariosParams;
import ai.runloop.model.benchmarks.BenchmarkView;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;
import java.util.Map;

/** A benchmark, a set of scenarios to run together (blocking flavour; wraps an {@link AsyncBenchmark}). */
public final class Benchmark {
    private final AsyncBenchmark async;

    Benchmark(AsyncBenchmark async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncBenchmark async() {
        return async;
    }

    /** @return the id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public BenchmarkView getInfo() {
        return Blocking.call("Benchmark.getInfo", async::getInfo);
    }

    /**
     * @param params the fields to change
     * @return the updated view
     */
    public BenchmarkView update(BenchmarkUpdateParams params) {
        return Blocking.call("Benchmark.update", () -> async.update(params));
    }
    /**
     * @param runName  a display name (null for none)
     * @param metadata labels (null for none)
     * @return the started run
     */
    public BenchmarkRun startRun(String runName, Map<String, String> metadata) {
        return new BenchmarkRun(Blocking.call("Benchmark.startRun", () -> async.startRun(runName, metadata)));
    }

    /**
     * @param scenarioIds scenarios to add
     * @return the updated benchmark
     */
    public BenchmarkView addScenarios(List<String> scenarioIds) {
        return Blocking.call("Benchmark.addScenarios", () -> async.addScenarios(scenarioIds));
    }

    /**
     * @param scenarioIds scenarios to remove
     * @return the updated benchmark
     */
    public BenchmarkView removeScenarios(List<String> scenarioIds) {
        return Blocking.call("Benchmark.removeScenarios", () -> async.removeScenarios(scenarioIds));
    }

    /** @return the runs of this benchmark (first page) */
    public List<BenchmarkRun> listRuns() {
        return Blocking.call("Benchmark.listRuns", async::listRuns).stream().map(BenchmarkRun::new).toList();
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof Benchmark h && h.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "Benchmark{" + id() + '}';
    }
}
