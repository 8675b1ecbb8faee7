package ai.runloop.sdk;

import ai.runloop.model.benchmarks.BenchmarkCreateParams;
import ai.runloop.model.benchmarks.BenchmarkListParams;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds benchmarks (blocking flavour; wraps {@link AsyncBenchmarkOps}): {@code sdk.benchmark()}. */
public final class BenchmarkOps {
    private final AsyncBenchmarkOps async;

    BenchmarkOps(AsyncBenchmarkOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncBenchmarkOps async() {
        return async;
    }

    /**
     * @param params the create parameters
     * @return the new benchmark
     */
    public Benchmark create(BenchmarkCreateParams params) {
        return new Benchmark(Blocking.call("benchmark.create", () -> async.create(params)));
    }

    /**
     * @param id an existing benchmark's id
     * @return a handle (no request is made)
     */
    public Benchmark fromId(String id) {
        return new Benchmark(async.fromId(id));
    }

    /** @return the benchmarks of the first page */
    public List<Benchmark> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the benchmarks of the first page
     */
    public List<Benchmark> list(BenchmarkListParams params) {
        return Blocking.call("benchmark.list", () -> async.list(params)).stream().map(Benchmark::new).toList();
    }
}
