package ai.runloop.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.emulator.FaultRule;
import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.model.devboxes.DevboxListParams;
import ai.runloop.model.objects.ObjectContentType;
import ai.runloop.model.objects.ObjectListParams;
import ai.runloop.sdk.Devbox;
import ai.runloop.sdk.ExecOptions;
import ai.runloop.sdk.ExecutionResult;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.StorageObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault soak: mixed SDK operations against the emulator while about 10 % of API requests suffer an
 * injected fault (500, 503, 429 with {@code retry-after-ms} and with {@code Retry-After}, 408,
 * dropped connections, lost responses, latency spikes, and execution output streams cut mid-way),
 * with a fixed seed.
 *
 * <p>Proves: no operation fails within the retry budget; no create happens twice (the emulator
 * holds exactly as many devboxes and objects as the test created, thanks to {@code x-request-id});
 * every streamed stdout equals the expected output byte for byte, through callbacks and the result.
 *
 * <p>Size: {@code -Dsoak.operations=N} operations in all, shared by the transports in
 * {@code -Dsoak.transports=jdk,netty,vertx}; seed {@code -Dsoak.seed}. Figures are printed and
 * written to {@code target/soak-report-<transport>.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSoakTest {
    private static final int OPERATIONS = Integer.getInteger("soak.operations", 450);
    private static final long SEED = Long.getLong("soak.seed", 8);
    private static final List<String> TRANSPORTS =
            Arrays.asList(System.getProperty("soak.transports", "jdk,netty,vertx").split(","));
    private static final Duration OPERATION_HANG_LIMIT = Duration.ofSeconds(120);

    enum Op { CREATE, EXEC_STREAMED, EXEC, FILE, OBJECT, LIST_DEVBOXES, LIST_OBJECTS, SHUTDOWN }

    private ExecutorService runner;

    @BeforeAll
    void start() {
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "soak-op");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    void stop() {
        runner.shutdownNow();
    }

    List<String> transports() {
        return TRANSPORTS;
    }

    @ParameterizedTest(name = "soak on {0}")
    @MethodSource("transports")
    void mixedOperationsSurviveInjectedFaults(String transport) throws Exception {
        int operations = Math.max(1, OPERATIONS / TRANSPORTS.size());
        long started = System.nanoTime();
        try (RunloopEmulator emulator = RunloopEmulator.builder().token(Sdks.FAKE_KEY)
                .statusDelay(Duration.ofMillis(5)).build().start();
             RunloopSDK sdk = Sdks.sdk(transport, emulator.baseUrl(), Sdks.FAKE_KEY, Duration.ofSeconds(20))) {
            emulator.faults().reseed(SEED);
            faults().forEach(emulator.faults()::add);

            Random random = new Random(SEED);
            List<Devbox> pool = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            Map<Op, Integer> done = new EnumMap<>(Op.class);
            int[] created = {0};
            int[] objects = {0};
            for (int i = 0; i < operations; i++) {
                Op op = pick(random, pool.size());
                long opSeed = random.nextLong();
                int index = i;
                Future<?> f = runner.submit(() -> {
                    run(op, new Random(opSeed), sdk, pool, created, objects, index);
                    return null;
                });
                try {
                    f.get(OPERATION_HANG_LIMIT.toSeconds(), TimeUnit.SECONDS);
                    done.merge(op, 1, Integer::sum);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    failures.add("#" + i + " " + op + ": no answer after " + OPERATION_HANG_LIMIT + " (hang)");
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add("#" + i + " " + op + ": " + describe(e.getCause()));
                }
            }

            List<FaultRule> rules = emulator.faults().rules();
            List<Integer> hits = emulator.faults().hits();
            List<Integer> injected = emulator.faults().injected();
            emulator.faults().clear();

            // Count what exists on the emulator, with no faults, against what the test created.
            int devboxesOnServer = sdk.devbox().list(DevboxListParams.builder().limit(5000).build()).size();
            int objectsOnServer = sdk.storageObject().list(ObjectListParams.builder().limit(5000).build()).size();

            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            String report = report(transport, operations, seconds, done, rules, hits, injected, failures,
                    created[0], devboxesOnServer, objects[0], objectsOnServer);
            System.out.println(report);
            writeReport(transport, report);

            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())),
                    failures.size() + " operation(s) failed within the retry budget");
            assertEquals(created[0], devboxesOnServer, "devboxes on the emulator vs creates issued");
            assertEquals(objects[0], objectsOnServer, "objects on the emulator vs uploads issued");
            int totalInjected = injected.stream().mapToInt(Integer::intValue).sum();
            assertTrue(totalInjected > 0, "the soak injected no fault at all");
        }
    }

    /** About 10 % of API requests disturbed, by kind; the first rule that selects a request decides. */
    static List<FaultRule> faults() {
        String api = "/v1/**";
        return List.of(
                // The first object listing waits for a whole-second Retry-After.
                FaultRule.on("GET", "/v1/objects").sequence(429).retryAfterSeconds(1).build(),
                // A quarter of output streams are cut after 97 bytes (mid-event) and must resume.
                FaultRule.on("GET", "/v1/devboxes/*/executions/*/stream_*_updates").cutStreamAfterBytes(97)
                        .probability(0.25).build(),
                FaultRule.on("*", api).status(500).probability(0.02).build(),
                FaultRule.on("*", api).status(503).probability(0.015).build(),
                FaultRule.on("*", api).status(429).retryAfterMillis(20).probability(0.015).build(),
                FaultRule.on("*", api).status(408).probability(0.01).build(),
                FaultRule.on("*", api).dropConnection().probability(0.01).build(),
                FaultRule.on("*", api).loseResponse().probability(0.01).build(),
                FaultRule.on("*", api).latency(Duration.ofMillis(150)).probability(0.02).build());
    }

    private static Op pick(Random random, int poolSize) {
        if (poolSize == 0) {
            return Op.CREATE;
        }
        int r = random.nextInt(100);
        if (r < 10) {
            return poolSize < 5 ? Op.CREATE : Op.SHUTDOWN;
        }
        if (r < 32) {
            return Op.EXEC_STREAMED;
        }
        if (r < 45) {
            return Op.EXEC;
        }
        if (r < 65) {
            return Op.FILE;
        }
        if (r < 82) {
            return Op.OBJECT;
        }
        return r < 91 ? Op.LIST_DEVBOXES : Op.LIST_OBJECTS;
    }

    private static void run(Op op, Random random, RunloopSDK sdk, List<Devbox> pool, int[] created, int[] objects,
                            int index) {
        switch (op) {
            case CREATE -> {
                created[0]++; // counted when issued: a duplicate on the server would exceed it
                pool.add(sdk.devbox().create());
            }
            case SHUTDOWN -> pool.remove(random.nextInt(pool.size())).shutdown();
            case EXEC_STREAMED -> {
                Devbox box = pool.get(random.nextInt(pool.size()));
                int lines = 1 + random.nextInt(120);
                String tag = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
                StringBuilder expected = new StringBuilder();
                List<String> expectedLines = new ArrayList<>();
                for (int n = 1; n <= lines; n++) {
                    String line = "ligne-" + n + "-é✓🌍-" + tag;
                    expectedLines.add(line);
                    expected.append(line).append('\n');
                }
                List<String> got = Collections.synchronizedList(new ArrayList<>());
                ExecutionResult result = box.cmd().exec("for i in $(seq 1 " + lines + "); do echo \"ligne-$i-é✓🌍-"
                        + tag + "\"; done", ExecOptions.builder().stdout(got::add).build());
                assertEquals(0, result.exitCode(), "exit code");
                assertEquals(expectedLines, List.copyOf(got), "stdout lines delivered to the callback");
                assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8),
                        result.stdout().getBytes(StandardCharsets.UTF_8), "stdout bytes");
            }
            case EXEC -> {
                Devbox box = pool.get(random.nextInt(pool.size()));
                String word = "w" + random.nextInt(1_000_000);
                ExecutionResult result = box.cmd().exec("printf '%s\\n' " + word + " && printf oops >&2");
                assertEquals(word + "\n", result.stdout());
                assertEquals("oops", result.stderr());
            }
            case FILE -> {
                Devbox box = pool.get(random.nextInt(pool.size()));
                String path = "data/f" + index + ".txt";
                String text = randomText(random, random.nextInt(4000));
                box.file().write(path, text);
                assertEquals(text, box.file().read(path));
            }
            case OBJECT -> {
                byte[] bytes = new byte[random.nextInt(20_000)];
                random.nextBytes(bytes);
                objects[0]++;
                StorageObject o = sdk.storageObject().uploadFromBytes("o" + index, bytes, ObjectContentType.BINARY);
                assertArrayEquals(bytes, o.downloadAsBytes());
            }
            case LIST_DEVBOXES -> assertTrue(sdk.devbox().list().size() > 0);
            case LIST_OBJECTS -> sdk.storageObject().list();
            default -> throw new IllegalStateException(op.toString());
        }
    }

    private static String randomText(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz ÄÖÜéè✓\n\t\"'{}[]%/\\";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        for (Throwable s : e.getSuppressed()) {
            sb.append(" [earlier: ").append(s).append(']');
        }
        return sb.toString();
    }

    private static String report(String transport, int operations, long seconds, Map<Op, Integer> done,
                                 List<FaultRule> rules, List<Integer> hits, List<Integer> injected,
                                 List<String> failures, int created, int devboxes, int objects, int objectsOnServer) {
        StringBuilder sb = new StringBuilder();
        sb.append("== fault soak on ").append(transport).append(": ").append(operations).append(" operations, seed ")
                .append(SEED).append(", ").append(seconds).append(" s\n");
        sb.append("operations succeeded: ").append(done).append('\n');
        sb.append("failures: ").append(failures.size()).append('\n');
        sb.append("devboxes created ").append(created).append(", on the emulator ").append(devboxes)
                .append("; objects uploaded ").append(objects).append(", on the emulator ").append(objectsOnServer)
                .append('\n');
        int requests = 0;
        int total = 0;
        sb.append("| fault | requests matched | injected |\n|---|---:|---:|\n");
        for (int i = 0; i < rules.size(); i++) {
            sb.append("| ").append(rules.get(i)).append(" | ").append(hits.get(i)).append(" | ")
                    .append(injected.get(i)).append(" |\n");
            total += injected.get(i);
            if (rules.get(i).pathPattern().equals("/v1/**") && rules.get(i).effect() == FaultRule.Effect.STATUS
                    && rules.get(i).status() == 500) {
                requests = hits.get(i);
            }
        }
        sb.append("API requests seen: ").append(requests).append(", faults injected in all: ").append(total)
                .append(String.format(" (%.1f %%)", requests == 0 ? 0.0 : 100.0 * total / requests)).append('\n');
        failures.stream().limit(20).forEach(f -> sb.append("  FAILED ").append(f).append('\n'));
        return sb.toString();
    }

    private static void writeReport(String transport, String report) throws IOException {
        Path dir = Path.of("target");
        if (Files.isDirectory(dir)) {
            Files.writeString(dir.resolve("soak-report-" + transport + ".txt"), report);
        }
    }
}
