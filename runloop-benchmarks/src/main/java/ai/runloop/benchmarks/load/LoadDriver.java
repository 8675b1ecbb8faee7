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
import ai.runloop.sdk.AsyncDevbox;
import ai.runloop.sdk.AsyncRunloopSDK;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Drives {@code devboxes().retrieve(id)} at fixed concurrencies through every client side by side, in one
 * run, against one {@link FixedDevboxServer}:
 * <ul>
 *   <li>{@code sdk/<t>}: the object-oriented SDK, {@code getInfo()} of a devbox handle, on transport t;</li>
 *   <li>{@code client/<t>}: the REST client's {@code devboxes().async().retrieve(id)} on transport t;</li>
 *   <li>{@code transport/<t>}: the same GET straight through transport t, without the pipeline;</li>
 *   <li>{@code h2-vertx-bare}: a bare Vert.x HTTP/2 client (prior knowledge), the machine's yardstick.</li>
 * </ul>
 * The server runs in a JVM of its own (forked here unless {@code --server URL} names one), so that the
 * bytes allocated per request count the client side only. Every target is warmed up, then the rounds
 * run interleaved (round 1 of every target, then round 2, ...) so that noise from other processes falls
 * on all targets alike; each target's reported row is its median round by throughput.
 *
 * <p>{@code java -cp runloop-benchmarks/target/benchmarks.jar ai.runloop.benchmarks.load.LoadDriver
 * [requests] [concurrency,...] [rounds] [--server URL] [--only prefix,...]}
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
     * @param args requests per round (default 20000), a comma-separated list of concurrencies (default
     *             1,64), rounds (default 3), {@code --server URL} to use a running server,
     *             {@code --only a,b} to keep only targets whose names start with one of these
     * @throws Exception when the server cannot be started
     */
    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        String serverUrl = null;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--server")) {
                serverUrl = args[++i];
            } else if (args[i].equals("--only")) {
                only = List.of(args[++i].split(","));
            } else {
                positional.add(args[i]);
            }
        }
        int requests = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 20_000;
        int[] concurrencies = Arrays.stream((positional.size() > 1 ? positional.get(1) : "1,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int rounds = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 3;

        Process serverProcess = null;
        if (serverUrl == null) {
            serverProcess = forkServer();
            serverUrl = readListening(serverProcess);
        }
        Vertx vertx = Vertx.vertx();
        Map<String, Target> targets = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Supplier<Target>> e : targets(serverUrl, vertx).entrySet()) {
                String name = e.getKey();
                if (only.isEmpty() || only.stream().anyMatch(name::startsWith)) {
                    targets.put(name, e.getValue().get());
                }
            }
            System.out.println("LoadDriver: " + requests + " requests per round, " + rounds + " rounds, server "
                    + serverUrl + " (" + (serverProcess != null ? "forked JVM" : "external") + "), "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                    + ", load average before: " + loadAverage());
            List<LoadResult> results = new ArrayList<>();
            for (int c : concurrencies) {
                for (Map.Entry<String, Target> e : targets.entrySet()) {
                    run(e.getKey(), e.getValue(), Math.max(2000, requests / 2), c); // warm-up
                }
                Map<String, List<LoadResult>> perTarget = new LinkedHashMap<>();
                for (int r = 0; r < rounds; r++) {
                    for (Map.Entry<String, Target> e : targets.entrySet()) {
                        perTarget.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(run(e.getKey(), e.getValue(), requests, c));
                    }
                }
                perTarget.values().forEach(list -> {
                    list.sort(Comparator.comparingDouble(LoadResult::throughput));
                    results.add(list.get(list.size() / 2));
                });
            }
            System.out.println();
            System.out.println(LoadResult.header());
            results.forEach(r -> System.out.println(r.row()));
            System.out.println();
            System.out.println(ratios(results));
            System.out.println("load average after: " + loadAverage());
        } finally {
            targets.values().forEach(Target::close);
            vertx.close().toCompletionStage().toCompletableFuture().join();
            if (serverProcess != null) {
                stopServer(serverProcess);
            }
        }
    }

    /** @return the comparison table: each SDK and REST client against its bare transport, best transport against bare h2 */
    static String ratios(List<LoadResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| c | what | req/s ratio | added p50 (µs) | target |\n|---|---|---|---|---|\n");
        Map<String, LoadResult> byName = new LinkedHashMap<>();
        for (LoadResult r : results) {
            byName.put(r.concurrency() + " " + r.target(), r);
        }
        for (LoadResult r : results) {
            String name = r.target();
            String layer = name.startsWith("sdk/") ? "sdk/" : name.startsWith("client/") ? "client/" : null;
            if (layer == null) {
                continue;
            }
            LoadResult bare = byName.get(r.concurrency() + " transport/" + name.substring(layer.length()));
            if (bare == null) {
                continue;
            }
            double ratio = r.throughput() / bare.throughput();
            double added = r.percentileMicros(0.5) - bare.percentileMicros(0.5);
            String target = r.concurrency() == 1 ? (added <= 50 ? "met (≤ 50 µs)" : "missed (≤ 50 µs)")
                    : r.concurrency() >= 64 ? (ratio >= 0.8 ? "met (≥ 0.8)" : "missed (≥ 0.8)") : "";
            sb.append(String.format("| %d | %s / %s | %.2f | %+.0f | %s |%n", r.concurrency(), name, bare.target(), ratio,
                    added, name.startsWith("sdk/") ? target : ""));
        }
        for (LoadResult h2 : results) {
            if (!h2.target().equals("h2-vertx-bare")) {
                continue;
            }
            results.stream().filter(r -> r.concurrency() == h2.concurrency() && r.target().startsWith("transport/"))
                    .max(Comparator.comparingDouble(LoadResult::throughput))
                    .ifPresent(best -> {
                        double ratio = best.throughput() / h2.throughput();
                        sb.append(String.format("| %d | best %s / h2-vertx-bare | %.2f | %+.0f | %s |%n", h2.concurrency(),
                                best.target(), ratio, best.percentileMicros(0.5) - h2.percentileMicros(0.5),
                                h2.concurrency() >= 64 ? (ratio >= 0.8 ? "met (≥ 0.8)" : "missed (≥ 0.8)") : ""));
                    });
            results.stream().filter(r -> r.concurrency() == h2.concurrency() && r.target().startsWith("sdk/"))
                    .max(Comparator.comparingDouble(LoadResult::throughput))
                    .ifPresent(best -> sb.append(String.format("| %d | best %s / h2-vertx-bare | %.2f | %+.0f | |%n",
                            h2.concurrency(), best.target(), best.throughput() / h2.throughput(),
                            best.percentileMicros(0.5) - h2.percentileMicros(0.5))));
        }
        return sb.toString();
    }

    static Map<String, Supplier<Target>> targets(String baseUrl, Vertx vertx) {
        Map<String, Supplier<Target>> targets = new LinkedHashMap<>();
        List<HttpTransportProvider> providers = new ArrayList<>();
        ServiceLoader.load(HttpTransportProvider.class).forEach(providers::add);
        providers.sort(Comparator.comparing(HttpTransportProvider::name));
        for (HttpTransportProvider provider : providers) {
            targets.put("sdk/" + provider.name(), () -> sdk(baseUrl, provider));
            targets.put("client/" + provider.name(), () -> client(baseUrl, provider));
            targets.put("transport/" + provider.name(), () -> bareTransport(baseUrl, provider));
        }
        targets.put("h2-vertx-bare", () -> bareHttp2(baseUrl, vertx));
        return targets;
    }

    /** The object-oriented SDK with its defaults (retries included), as a user builds it. */
    static Target sdk(String baseUrl, HttpTransportProvider provider) {
        AsyncRunloopSDK sdk = AsyncRunloopSDK.builder().environment(Map.of()).apiKey("bench-key").baseUrl(baseUrl)
                .transport(provider.create(TransportOptions.defaults())).build();
        AsyncDevbox devbox = sdk.devbox().fromId(Fixtures.DEVBOX_ID);
        return new Target() {
            @Override
            public CompletableFuture<?> call() {
                return devbox.getInfo();
            }

            @Override
            public void close() {
                sdk.close();
            }
        };
    }

    /** The REST client with its defaults. */
    static Target client(String baseUrl, HttpTransportProvider provider) {
        RunloopClient client = RunloopClient.builder().environment(Map.of()).apiKey("bench-key").baseUrl(baseUrl)
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
        System.gc(); // start each round from a clean heap, so one target's garbage does not bill the next
        long allocatedBefore = allocated();
        long started = System.nanoTime();
        for (int i = 0; i < Math.min(concurrency, requests); i++) {
            next(target, issued, requests, latencies, failures, done);
        }
        try {
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(name + ": not done within 10 minutes");
            }
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
        CompletableFuture<?> call;
        try {
            call = target.call();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((v, e) -> {
            latencies[index] = System.nanoTime() - start;
            if (e != null && failures.incrementAndGet() == 1) {
                System.err.println("first failure: " + e);
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

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** @return the {@link FixedDevboxServer} in a JVM of its own, on this class path */
    static Process forkServer() throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                FixedDevboxServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return process;
    }

    static String readListening(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("listening ")) {
                return line.substring("listening ".length()).trim();
            }
        }
        throw new IOException("the server ended before it listened");
    }

    static void stopServer(Process process) throws InterruptedException {
        try (OutputStream in = process.getOutputStream()) {
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // it may be gone already
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
