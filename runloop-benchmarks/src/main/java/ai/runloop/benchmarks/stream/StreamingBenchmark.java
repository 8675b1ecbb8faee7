package ai.runloop.benchmarks.stream;

import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.sdk.Devbox;
import ai.runloop.sdk.ExecOptions;
import ai.runloop.sdk.ExecutionResult;
import ai.runloop.sdk.RunloopSDK;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streaming: a command that prints N lines (default 100,000) in a devbox of the local emulator; the
 * time from calling {@code cmd().exec(command, stdout callback)} to the last stdout callback, per
 * transport, next to the same command run here as a plain local process whose stdout is read line by
 * line (the floor: what any client must wait for). Median of the rounds.
 *
 * <p>{@code java -cp runloop-benchmarks/target/benchmarks.jar ai.runloop.benchmarks.stream.StreamingBenchmark [lines] [rounds]}
 */
public final class StreamingBenchmark {
    private StreamingBenchmark() {
    }

    /**
     * @param args lines (default 100000), rounds (default 3)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String command = "seq -f 'line %g of the build output' 1 " + lines;
        List<String> rows = new ArrayList<>();
        System.out.println("StreamingBenchmark: `" + command + "`, " + rounds + " rounds, Java "
                + System.getProperty("java.version") + ", load average " + Files.readString(Path.of("/proc/loadavg")).trim());

        double[] local = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            local[r] = local(command, lines);
        }
        double floor = median(local);
        rows.add(String.format("| local process, stdout read line by line | %.0f | %.0f | 1.00 |", floor, lines / floor * 1000));

        List<HttpTransportProvider> providers = new ArrayList<>();
        ServiceLoader.load(HttpTransportProvider.class).forEach(providers::add);
        providers.sort(java.util.Comparator.comparing(HttpTransportProvider::name));
        try (RunloopEmulator emulator = RunloopEmulator.builder().build().start()) {
            for (HttpTransportProvider provider : providers) {
                try (RunloopSDK sdk = RunloopSDK.builder().environment(Map.of()).baseUrl(emulator.baseUrl().toString())
                        .apiKey(emulator.token()).transport(provider.create(TransportOptions.defaults())).build();
                     Devbox devbox = sdk.devbox().create()) {
                    sdk(devbox, "seq 1 2000", 2000); // warm-up
                    double[] ms = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        ms[r] = sdk(devbox, command, lines);
                    }
                    double m = median(ms);
                    rows.add(String.format("| sdk/%s | %.0f | %.0f | %.2f |", provider.name(), m, lines / m * 1000, m / floor));
                    System.out.println("sdk/" + provider.name() + " rounds (ms): " + Arrays.toString(ms));
                }
            }
        }
        System.out.println();
        System.out.println("| what | ms to the last line | lines/s | × local |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** @return milliseconds from exec to the last stdout callback */
    static double sdk(Devbox devbox, String command, int lines) {
        AtomicInteger seen = new AtomicInteger();
        AtomicLong last = new AtomicLong();
        long start = System.nanoTime();
        ExecutionResult result = devbox.cmd().exec(command, ExecOptions.builder().stdout(line -> {
            seen.incrementAndGet();
            last.set(System.nanoTime());
        }).build());
        if (result.exitCode() != 0 || seen.get() != lines) {
            throw new IllegalStateException("exit " + result.exitCode() + ", " + seen.get() + " of " + lines + " lines");
        }
        return (last.get() - start) / 1e6;
    }

    static double local(String command, int lines) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        int n = 0;
        long last = start;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                n++;
                last = System.nanoTime();
            }
        }
        p.waitFor();
        if (n != lines) {
            throw new IllegalStateException(n + " of " + lines + " lines");
        }
        return (last - start) / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
