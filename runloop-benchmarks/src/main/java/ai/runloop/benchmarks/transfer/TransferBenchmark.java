package ai.runloop.benchmarks.transfer;

import ai.runloop.api.spi.HttpTransportProvider;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.StorageObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Upload and download of one large storage object through the local emulator, with the SDK in a JVM of
 * its own limited to {@code -Xmx64m}, once per transport, next to a raw copy of the same file over a
 * loopback socket (also in a {@code -Xmx64m} JVM). Everything is file to file: the SDK streams from and
 * to disk, the emulator (in this JVM) stores the object on disk, and the raw copy reads the file and
 * writes what it receives to another file, with 64 KiB buffers.
 *
 * <p>{@code java -cp runloop-benchmarks/target/benchmarks.jar ai.runloop.benchmarks.transfer.TransferBenchmark [MiB] [work dir]}
 * (defaults: 1024 MiB, a temporary directory; the files are deleted at the end). Before anything is
 * measured, one unmeasured transfer warms the emulator up. Options: {@code -Dtransfer.repeat=N} (the
 * raw copy and every transport N times, interleaved; medians), {@code -Dtransfer.rounds=N} (each SDK JVM
 * uploads and downloads N times and reports the last, a JVM whose JIT has compiled the hot paths, as the
 * raw copy's second round is), {@code -Dtransfer.childJvmArgs=...} (flags for the measured JVMs). Each
 * SDK JVM also reports its CPU time per direction, and the emulator's (this JVM's) CPU time is reported
 * per transport: figures that the load of other processes changes far less than MB/s.
 */
public final class TransferBenchmark {
    private static final int BUFFER = 64 * 1024;

    private TransferBenchmark() {
    }

    /**
     * @param args size in MiB (default 1024), and a work directory (default: a new temporary one)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child-sdk")) {
            childSdk(args[1], args[2], args[3], Paths.get(args[4]), Paths.get(args[5]));
            return;
        }
        if (args.length > 0 && args[0].equals("child-raw")) {
            childRaw(Paths.get(args[1]), Paths.get(args[2]));
            return;
        }
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path dir = args.length > 1 ? Files.createDirectories(Paths.get(args[1])) : Files.createTempDirectory("runloop-transfer-");
        Path source = dir.resolve("payload.bin");
        Path received = dir.resolve("received.bin");
        List<String> providers = new ArrayList<>();
        ServiceLoader.load(HttpTransportProvider.class).forEach(p -> providers.add(p.name()));
        providers.sort(null);
        try {
            writeRandom(source, mib << 20);
            System.out.println("TransferBenchmark: " + mib + " MiB, child JVMs with -Xmx64m, Java "
                    + System.getProperty("java.version") + ", load average " + loadAverage());
            // -Dtransfer.repeat=N runs the raw copy and every transport N times, interleaved, and reports medians
            // (each ratio against the raw copy of the same round), so that load from other processes falls on all.
            int repeat = Integer.getInteger("transfer.repeat", 1);
            List<Double> raws = new ArrayList<>();
            Map<String, List<double[]>> runs = new java.util.LinkedHashMap<>();
            try (RunloopEmulator emulator = RunloopEmulator.builder().rootDir(dir.resolve("emulator")).build().start()) {
                List<String> sdkArgs = List.of(emulator.baseUrl().toString(), emulator.token(), source.toString(),
                        received.toString());
                // The emulator stands in for a storage service, which is warm: one unmeasured transfer first, so its
                // JIT compilation is not charged to whichever transport happens to be measured first.
                fork(concat(List.of("child-sdk", providers.get(0)), sdkArgs));
                Files.deleteIfExists(received);
                for (int round = 0; round < repeat; round++) {
                    raws.add(parseRaw(fork(List.of("child-raw", source.toString(), received.toString()))));
                    Files.deleteIfExists(received);
                    for (String provider : providers) {
                        long emulatorCpu = processCpuNanos();
                        String out = fork(concat(List.of("child-sdk", provider), sdkArgs));
                        emulatorCpu = (processCpuNanos() - emulatorCpu) / Integer.getInteger("transfer.rounds", 1);
                        Files.deleteIfExists(received);
                        double raw = raws.get(round);
                        runs.computeIfAbsent(provider, p -> new ArrayList<>()).add(new double[] {value(out, "upload"),
                                value(out, "download"), value(out, "upload") / raw, value(out, "download") / raw,
                                value(out, "upload-cpu"), value(out, "download-cpu"), emulatorCpu / 1e9});
                    }
                }
            }
            double raw = median(raws.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.println();
            System.out.println("| what | upload MB/s | download MB/s | upload / raw | download / raw |");
            System.out.println("|---|---|---|---|---|");
            System.out.println("| raw loopback socket copy | " + fmt(raw) + " | " + fmt(raw) + " | 1.00 | 1.00 |");
            runs.forEach((provider, r) -> System.out.printf("| sdk/%s | %s | %s | %.2f | %.2f |%n", provider,
                    fmt(median(r, 0)), fmt(median(r, 1)), median(r, 2), median(r, 3)));
            System.out.println("(MB = 10^6 bytes; target: both ratios ≥ 0.80"
                    + (repeat > 1 ? "; medians of " + repeat + " interleaved rounds, ratios against each round's raw copy" : "")
                    + ")");
            if (repeat > 1) {
                System.out.println("raw copy by round: " + raws.stream().map(TransferBenchmark::fmt).toList());
                runs.forEach((provider, r) -> System.out.println("sdk/" + provider + " upload / raw by round: "
                        + r.stream().map(x -> String.format("%.2f", x[2])).toList() + ", download / raw: "
                        + r.stream().map(x -> String.format("%.2f", x[3])).toList()));
            }
            System.out.println();
            System.out.println("| CPU seconds (user + system) | SDK JVM, upload | SDK JVM, download | emulator, both (per round) |");
            System.out.println("|---|---|---|---|");
            runs.forEach((provider, r) -> System.out.printf("| sdk/%s | %.2f | %.2f | %.2f |%n", provider,
                    median(r, 4), median(r, 5), median(r, 6)));
            System.out.println("(load average at the end " + loadAverage() + ")");
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(received);
            deleteTree(dir.resolve("emulator"));
            if (args.length <= 1) {
                Files.deleteIfExists(dir);
            }
        }
    }

    /** The SDK side: upload the file as an object, download it to another file, print MB/s of each. */
    static void childSdk(String provider, String baseUrl, String token, Path source, Path target) throws IOException {
        HttpTransportProvider chosen = null;
        for (HttpTransportProvider p : ServiceLoader.load(HttpTransportProvider.class)) {
            if (p.name().equals(provider)) {
                chosen = p;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("no transport " + provider);
        }
        long size = Files.size(source);
        try (RunloopSDK sdk = RunloopSDK.builder().environment(Map.of()).baseUrl(baseUrl).apiKey(token)
                .transport(chosen.create(TransportOptions.defaults())).build()) {
            // A small warm-up object, so class loading and the first connections are not timed.
            Path small = Files.createTempFile("runloop-warm-", ".bin");
            Files.write(small, new byte[64 * 1024]);
            StorageObject warm = sdk.storageObject().uploadFromFile(small, "warm.bin");
            warm.downloadToFile(small);
            warm.delete();
            Files.delete(small);

            // -Dtransfer.rounds=N repeats the timed upload and download; the last round is reported (the others
            // are printed on standard error), e.g. to compare with a JVM whose JIT has compiled the hot paths.
            int rounds = Integer.getInteger("transfer.rounds", 1);
            for (int round = 1; round <= rounds; round++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                StorageObject object = sdk.storageObject().uploadFromFile(source, "payload.bin");
                long t1 = System.nanoTime();
                long c1 = processCpuNanos();
                object.downloadToFile(target);
                long t2 = System.nanoTime();
                long c2 = processCpuNanos();
                if (Files.size(target) != size) {
                    throw new IllegalStateException("downloaded " + Files.size(target) + " bytes of " + size);
                }
                object.delete();
                if (round < rounds) {
                    System.err.printf("  sdk/%s round %d of %d (not reported): upload %.1f MB/s, download %.1f MB/s%n",
                            provider, round, rounds, size / ((t1 - t0) / 1e9) / 1e6, size / ((t2 - t1) / 1e9) / 1e6);
                    continue;
                }
                System.out.printf("upload %.1f%n", size / ((t1 - t0) / 1e9) / 1e6);
                System.out.printf("download %.1f%n", size / ((t2 - t1) / 1e9) / 1e6);
                System.out.printf("upload-cpu %.3f%n", (c1 - c0) / 1e9);
                System.out.printf("download-cpu %.3f%n", (c2 - c1) / 1e9);
            }
            System.out.println("heap max " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        }
    }

    /** The yardstick: the file through a loopback TCP connection into another file, 64 KiB at a time. */
    static void childRaw(Path source, Path target) throws Exception {
        long size = Files.size(source);
        double best = 0;
        long cpu = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the page cache like the SDK's upload does
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                long[] receivedBytes = new long[1];
                Thread receiver = new Thread(() -> {
                    try (Socket s = server.accept(); InputStream in = s.getInputStream();
                         OutputStream out = Files.newOutputStream(target)) {
                        byte[] buf = new byte[BUFFER];
                        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                            out.write(buf, 0, n);
                            receivedBytes[0] += n;
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                receiver.start();
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                     InputStream in = Files.newInputStream(source); OutputStream out = s.getOutputStream()) {
                    byte[] buf = new byte[BUFFER];
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        out.write(buf, 0, n);
                    }
                }
                receiver.join();
                double mbs = size / ((System.nanoTime() - t0) / 1e9) / 1e6;
                if (receivedBytes[0] != size) {
                    throw new IllegalStateException("received " + receivedBytes[0] + " of " + size);
                }
                best = round == 0 ? 0 : mbs;
                cpu = processCpuNanos() - c0;
            }
        }
        System.out.printf("raw %.1f%n", best);
        System.out.printf("raw-cpu %.3f%n", cpu / 1e9);
    }

    static String fork(List<String> childArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m"));
        // e.g. -Dtransfer.childJvmArgs=-XX:StartFlightRecording=filename=child.jfr to profile the measured JVMs
        String extra = System.getProperty("transfer.childJvmArgs");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        if (System.getProperty("transfer.rounds") != null) {
            command.add("-Dtransfer.rounds=" + Integer.getInteger("transfer.rounds"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TransferBenchmark.class.getName()));
        command.addAll(childArgs);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.append(line).append('\n');
            }
        }
        if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("child " + childArgs.get(0) + " failed:\n" + out);
        }
        return out.toString();
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static double median(List<double[]> rows, int column) {
        return median(rows.stream().mapToDouble(r -> r[column]).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double parseRaw(String out) {
        return value(out, "raw");
    }

    static double value(String out, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith(key + " ")) {
                return Double.parseDouble(line.substring(key.length() + 1).trim());
            }
        }
        throw new IllegalStateException("no " + key + " in:\n" + out);
    }

    static String fmt(double mbs) {
        return String.format("%.0f", mbs);
    }

    /** Incompressible bytes, written 1 MiB at a time. */
    static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < size; written += buf.capacity()) {
                buf.clear();
                while (buf.remaining() >= 8) {
                    buf.putLong(random.nextLong());
                }
                buf.flip();
                buf.limit((int) Math.min(buf.capacity(), size - written));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** CPU time of this whole process (every thread, user and system). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
