package ai.runloop.sdk;

import ai.runloop.model.benchmarks.BenchmarkCreateParams;
import ai.runloop.model.benchmarks.BenchmarkListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds benchmarks ({@code CompletableFuture} flavour): {@code sdk.benchmark()}. */
public final class AsyncBenchmarkOps {
    private final SdkContext ctx;

    AsyncBenchmarkOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params the create parameters
     * @return the new benchmark
     */
    public CompletableFuture<AsyncBenchmark> create(BenchmarkCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().benchmarks().async().create(params, null).thenApply(v -> new AsyncBenchmark(ctx, v.id()));
    }

    /**
     * @param id an existing benchmark's id
     * @return a handle (no request is made)
     */
    public AsyncBenchmark fromId(String id) {
        return new AsyncBenchmark(ctx, id);
    }

    /** @return the benchmarks of the first page */
    public CompletableFuture<List<AsyncBenchmark>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the benchmarks of the first page
     */
    public CompletableFuture<List<AsyncBenchmark>> list(BenchmarkListParams params) {
        return ctx.client().benchmarks().async().list(params, null)
                .thenApply(page -> page.benchmarks().stream().map(v -> new AsyncBenchmark(ctx, v.id())).toList());
    }
}
