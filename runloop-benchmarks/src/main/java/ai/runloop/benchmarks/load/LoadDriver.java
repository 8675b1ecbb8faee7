package ai.runloop.benchmarks.load;

import ai.runloop.api.RunloopClient;
import ai.runloop.api.spi.Headers;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.RequestBody;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.benchmarks.Fixtures;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Drives {@code devboxes().retrieve(id)} at a fixed concurrency through every client side by side,
 * against one {@link FixedDevboxServer}: the REST client on each transport found on the class path, each
 * bare transport (the same GET without the pipeline), and a bare Vert.x HTTP/2 client (prior knowledge).
 *
 * <p>{@code java -cp runloop-benchmarks/target/benchmarks.jar ai.runloop.benchmarks.load.LoadDriver [requests] [concurrency,...]}
 */
public final class LoadDriver {
    private LoadDriver() {
    }

    /** A target that issues one request. */
    interface Target extends AutoCloseable {
        CompletableFuture<?> call();

        @Override
        default void close() {
        }
    }

    /**
     * @param args requests per run (default 20000) and a comma-separated list of concurrencies (default 1,64)
     */
    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int[] concurrencies = Arrays.stream((args.length > 1 ? args[1] : "1,64").split(",")).mapToInt(Integer::parseInt).toArray();
        Vertx vertx = Vertx.vertx();
        try (FixedDevboxServer server = FixedDevboxServer.start(vertx)) {
            Map<String, Supplier<Target>> targets = targets(server.baseUrl(), vertx);
            System.out.println("requests per run: " + requests + ", server " + server.baseUrl() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
            System.out.println(LoadResult.header());
            for (int c : concurrencies) {
                for (Map.Entry<String, Supplier<Target>> e : targets.entrySet()) {
                    try (Target target = e.getValue().get()) {
                        run(e.getKey(), target, Math.max(2000, requests / 4), c); // warm-up
                        System.out.println(run(e.getKey(), target, requests, c).row());
                    }
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    static Map<String, Supplier<Target>> targets(String baseUrl, Vertx vertx) {
        Map<String, Supplier<Target>> targets = new LinkedHashMap<>();
        List<HttpTransportProvider> providers = new ArrayList<>();
        ServiceLoader.load(HttpTransportProvider.class).forEach(providers::add);
        for (HttpTransportProvider provider : providers) {
            targets.put("client/" + provider.name(), () -> client(baseUrl, provider));
        }
        for (HttpTransportProvider provider : providers) {
            targets.put("transport/" + provider.name(), () -> bareTransport(baseUrl, provider));
        }
        targets.put("h2-vertx-bare", () -> bareHttp2(baseUrl, vertx));
        return targets;
    }

    static Target client(String baseUrl, HttpTransportProvider provider) {
        RunloopClient client = RunloopClient.builder().apiKey("bench-key").baseUrl(baseUrl).maxRetries(0)
                .transport(provider.create(TransportOptions.defaults())).build();
        return new Target() {
            @Override
            public CompletableFuture<?> call() {
                return client.devboxes().async().retrieve(Fixtures.DEVBOX_ID);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    static Target bareTransport(String baseUrl, HttpTransportProvider provider) {
        HttpTransport transport = provider.create(TransportOptions.defaults());
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/devboxes/" + Fixtures.DEVBOX_ID))
                .method("GET", RequestBody.empty())
                .headers(Headers.builder().set("Authorization", "Bearer bench-key").set("Accept", "application/json").build())
                .build();
        return new Target() {
            @Override
            public CompletableFuture<?> call() {
                return transport.send(request).thenApply(HttpResponse::bodyBytes);
            }

            @Override
            public void close() {
                transport.close();
            }
        };
    }

    static Target bareHttp2(String baseUrl, Vertx vertx) {
        URI uri = URI.create(baseUrl);
        var client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false).setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort()),
                new PoolOptions().setHttp2MaxSize(4));
        String path = "/v1/devboxes/" + Fixtures.DEVBOX_ID;
        return new Target() {
            @Override
            public CompletableFuture<?> call() {
                return client.request(HttpMethod.GET, path)
                        .compose(req -> req.putHeader("Authorization", "Bearer bench-key").send())
                        .compose(resp -> resp.body())
                        .toCompletionStage().toCompletableFuture();
            }

            @Override
            public void close() {
                client.close().toCompletionStage().toCompletableFuture().join();
            }
        };
    }

    static LoadResult run(String name, Target target, int requests, int concurrency) {
        long[] latencies = new long[requests];
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(requests);
        long allocatedBefore = allocated();
        long started = System.nanoTime();
        for (int i = 0; i < Math.min(concurrency, requests); i++) {
            next(target, issued, requests, latencies, failures, done);
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new LoadResult(name, concurrency, requests, seconds, latencies, allocated() - allocatedBefore, failures.get());
    }

    /** Issues the next request and, when it completes, the one after it: a fixed number stay in flight. */
    private static void next(Target target, AtomicInteger issued, int requests, long[] latencies, AtomicInteger failures,
                             CountDownLatch done) {
        int index = issued.getAndIncrement();
        if (index >= requests) {
            return;
        }
        long start = System.nanoTime();
        target.call().whenComplete((v, e) -> {
            latencies[index] = System.nanoTime() - start;
            if (e != null) {
                failures.incrementAndGet();
            }
            done.countDown();
            next(target, issued, requests, latencies, failures, done);
        });
    }

    /** Bytes allocated so far by every live thread (HotSpot's per-thread counters). */
    static long allocated() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
    }
}
