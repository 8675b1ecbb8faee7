package ai.runloop.sdk;

import ai.runloop.model.benchmarks.BenchmarkRunView;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** A run of a benchmark (blocking flavour; wraps an {@link AsyncBenchmarkRun}). */
public final class BenchmarkRun {
    private final AsyncBenchmarkRun async;

    BenchmarkRun(AsyncBenchmarkRun async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncBenchmarkRun async() {
        return async;
    }

    /** @return the run id */
    public String id() {
        return async.id();
    }

    /** @return the current view */
    public BenchmarkRunView getInfo() {
        return Blocking.call("BenchmarkRun.getInfo", async::getInfo);
    }

    /** @return the cancelled run */
    public BenchmarkRunView cancel() {
        return Blocking.call("BenchmarkRun.cancel", async::cancel);
    }

    /** @return the completed run */
    public BenchmarkRunView complete() {
        return Blocking.call("BenchmarkRun.complete", async::complete);
    }

    /** @return the scenario runs of this run (first page) */
    public List<ScenarioRun> listScenarioRuns() {
        return Blocking.call("BenchmarkRun.listScenarioRuns", async::listScenarioRuns).stream().map(ScenarioRun::new).toList();
    }

    @Override
    public String toString() {
        return "BenchmarkRun{" + id() + '}';
    }
}
