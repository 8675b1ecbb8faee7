package ai.runloop.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.emulator.junit.RunloopEmulatorTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application module {@code ai.runloop.it.app}, which requires only {@code ai.runloop.sdk}, launched
 * in fresh JVMs ({@code java -p ... -m ai.runloop.it.app/...}) with different transport jars on its
 * module path: which transport the SDK picks, and what it says when it cannot. Module paths are built
 * from the jars of this test's own JVM, chosen by artifact name.
 */
@RunloopEmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModularAppTest {
    private static final long LIMIT_SECONDS = 90;
    private static final String MAIN = "ai.runloop.it.app/ai.runloop.it.app.TransportReport";
    private static final List<String> BASE = List.of("runloop-it", "runloop-sdk", "runloop-api", "runloop-model",
            "jakarta.json.bind-api", "jakarta.json-api", "yasson", "parsson");
    private static final Pattern JAR = Pattern.compile("(.+?)-\\d[^/]*\\.jar");

    /** artifactId → its jars or class directories in the test JVM. */
    private final Map<String, List<Path>> artifacts = new TreeMap<>();
    private RunloopEmulator emulator;

    @TempDir
    Path tmp;

    @BeforeAll
    void findJars(RunloopEmulator emulator) {
        this.emulator = emulator;
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            for (String entry : value.split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isBlank()) {
                    Path path = Path.of(entry).toAbsolutePath().normalize();
                    String artifact = artifactOf(path);
                    if (artifact != null) {
                        List<Path> paths = artifacts.computeIfAbsent(artifact, k -> new ArrayList<>());
                        if (!paths.contains(path)) {
                            paths.add(path);
                        }
                    }
                }
            }
        }
        for (String needed : List.of("runloop-it", "runloop-sdk", "runloop-transport-jdk", "runloop-transport-netty",
                "runloop-transport-vertx", "vertx-core", "netty-common")) {
            assertTrue(artifacts.containsKey(needed), needed + " not found among " + artifacts.keySet());
        }
    }

    @Test
    void withOnlyTheJdkTransportItIsUsed() throws Exception {
        Report report = launch(path(JDK), List.of(), Map.of(), true);
        report.chose("jdk");
        assertEquals("ai.runloop.transport.jdk", report.value("resolved"));
    }

    @Test
    void withOnlyNettyItIsUsed() throws Exception {
        Report report = launch(path(NETTY), List.of(), Map.of(), true);
        report.chose("netty");
        assertEquals("ai.runloop.transport.netty", report.value("resolved"));
    }

    @Test
    void withOnlyVertxItIsUsed() throws Exception {
        launch(path(VERTX), List.of(), Map.of(), true).chose("vertx");
    }

    @Test
    void withNettyAndVertxThePriorityDecides() throws Exception {
        Report report = launch(path(NETTY, VERTX), List.of(), Map.of(), true);
        report.chose("netty");
        assertEquals("ai.runloop.transport.netty,ai.runloop.transport.vertx", report.value("resolved"));
    }

    @Test
    void withJdkAndNettyThePriorityDecides() throws Exception {
        launch(path(JDK, NETTY), List.of(), Map.of(), false).chose("netty");
    }

    @Test
    void withJdkAndVertxThePriorityDecides() throws Exception {
        launch(path(JDK, VERTX), List.of(), Map.of(), false).chose("vertx");
    }

    @Test
    void withTwoTheSystemPropertyDecides() throws Exception {
        launch(path(JDK, NETTY), List.of("-Drunloop.transport=jdk"), Map.of(), true).chose("jdk");
        launch(path(NETTY, VERTX), List.of("-Drunloop.transport=vertx"), Map.of(), false).chose("vertx");
    }

    @Test
    void withTwoTheEnvironmentVariableDecidesAndThePropertyWinsOverIt() throws Exception {
        launch(path(JDK, NETTY), List.of(), Map.of("RUNLOOP_TRANSPORT", "jdk"), false).chose("jdk");
        launch(path(JDK, NETTY), List.of("-Drunloop.transport=netty"), Map.of("RUNLOOP_TRANSPORT", "jdk"), false)
                .chose("netty");
    }

    @Test
    void aNamedTransportThatIsAbsentIsAnErrorSayingWhatWasFoundAndWhatToAdd() throws Exception {
        String error = launch(path(JDK, NETTY), List.of("-Drunloop.transport=vertx"), Map.of(), false).error();
        assertTrue(error.contains("No Runloop HTTP transport named 'vertx'"), error);
        assertTrue(error.contains("runloop.transport"), error);
        assertTrue(error.contains("Found: netty (priority 20), jdk (priority 0)"), error);
        assertTrue(error.contains("ai.runloop:runloop-transport-vertx"), error);
    }

    @Test
    void noTransportAtAllIsAnErrorNamingTheArtifacts() throws Exception {
        String error = launch(path(), List.of(), Map.of(), false).error();
        assertTrue(error.contains("No Runloop HTTP transport found"), error);
        assertTrue(error.contains("ai.runloop:runloop-transport-jdk"), error);
        assertTrue(error.contains("ai.runloop:runloop-transport-netty"), error);
    }

    @Test
    void onTheClassPathANettyProviderWithoutNettyIsSkippedNotFatal() throws Exception {
        List<Path> classPath = path(JDK, List.of("runloop-transport-netty"));
        assertTrue(classPath.stream().noneMatch(p -> p.getFileName().toString().startsWith("netty-")), classPath.toString());
        launchOnClassPath(classPath, List.of()).chose("jdk");

        String error = launchOnClassPath(classPath, List.of("-Drunloop.transport=netty")).error();
        assertTrue(error.contains("No Runloop HTTP transport named 'netty'"), error);
        assertTrue(error.contains("Found: jdk (priority 0)"), error);
        assertTrue(error.contains("Skipped because their own dependencies are missing"), error);
        assertTrue(error.contains("io.netty."), error);
    }

    @Test
    void onTheModulePathANettyProviderWithoutNettyStopsTheJvmBeforeTheSdkRuns() throws Exception {
        // Service binding resolves every provider module together with its requires, so the JVM itself
        // refuses to start: nothing the SDK could skip. The message names the missing Netty module.
        Report report = launch(path(JDK, List.of("runloop-transport-netty")), List.of(), Map.of(), false, false);
        assertNotEquals(0, report.exitCode, report.output);
        assertTrue(report.output.contains("Module io.netty.") && report.output.contains("ai.runloop.transport.netty"),
                report.output);
        assertFalse(report.output.contains("transport="), report.output);
    }

    // ---- module paths -------------------------------------------------------------------------------

    private static final List<String> JDK = List.of("runloop-transport-jdk");
    private static final List<String> NETTY = List.of("runloop-transport-netty", "netty-*");
    private static final List<String> VERTX = List.of("runloop-transport-vertx", "vertx-core*", "netty-*");

    /** The app, the SDK and JSON-B, plus the named artifacts ({@code prefix-*} for every artifact so named). */
    @SafeVarargs
    private List<Path> path(List<String>... selections) {
        Set<Path> chosen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>(BASE);
        for (List<String> selection : selections) {
            names.addAll(selection);
        }
        for (String name : names) {
            if (name.endsWith("*")) {
                String prefix = name.substring(0, name.length() - 1);
                artifacts.forEach((artifact, paths) -> {
                    if (artifact.startsWith(prefix)) {
                        chosen.addAll(paths);
                    }
                });
            } else {
                List<Path> paths = artifacts.get(name);
                assertTrue(paths != null, name + " not among " + artifacts.keySet());
                chosen.addAll(paths);
            }
        }
        return List.copyOf(chosen);
    }

    private static String artifactOf(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        Matcher jar = JAR.matcher(name);
        if (jar.matches()) {
            return jar.group(1);
        }
        // A reactor module's classes: <artifact>/target/classes (test classes are never wanted).
        if (name.equals("classes") && path.getParent() != null && path.getParent().getFileName().toString().equals("target")) {
            return path.getParent().getParent().getFileName().toString();
        }
        return null;
    }

    // ---- forked JVMs --------------------------------------------------------------------------------

    private Report launch(List<Path> modulePath, List<String> options, Map<String, String> env, boolean callEmulator)
            throws Exception {
        return launch(modulePath, options, env, callEmulator, true);
    }

    private Report launch(List<Path> modulePath, List<String> options, Map<String, String> env, boolean callEmulator,
                          boolean expectSuccess) throws Exception {
        List<String> command = new ArrayList<>(options);
        command.add("-p");
        command.add(join(modulePath));
        command.add("-m");
        command.add(MAIN);
        return fork(command, env, callEmulator, expectSuccess);
    }

    private Report launchOnClassPath(List<Path> classPath, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(options);
        command.add("-cp");
        command.add(join(classPath));
        command.add(TransportReport.class.getName());
        return fork(command, Map.of(), false, true);
    }

    private Report fork(List<String> arguments, Map<String, String> env, boolean callEmulator, boolean expectSuccess)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.addAll(arguments);
        if (callEmulator) {
            command.add(emulator.baseUrl().toString());
            command.add(emulator.token());
        }
        Path output = Files.createTempFile(tmp, "jvm-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RUNLOOP_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the forked JVM did not end: " + command + "\n" + Files.readString(output));
        }
        Report report = new Report(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), callEmulator);
        if (expectSuccess) {
            assertEquals(0, report.exitCode, command + "\n" + report.output);
            boolean modular = arguments.contains("-m");
            assertEquals(modular ? "ai.runloop.it.app" : "null", report.value("module"),
                    "the app runs as a named module on the module path only: " + report.output);
        }
        return report;
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /** What a forked app printed. */
    private record Report(int exitCode, String output, boolean calledEmulator) {
        String value(String key) {
            return output.lines().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + key + "= line in:\n" + output));
        }

        /** Asserts the SDK chose the named transport and, when it was called, that the call went through. */
        void chose(String name) {
            assertTrue(value("transport").startsWith("ai.runloop.transport." + name + "."), output);
            assertFalse(output.contains("error="), output);
            if (calledEmulator) {
                assertTrue(Integer.parseInt(value("devboxes")) >= 0, output);
            }
        }

        String error() {
            assertFalse(output.contains("transport="), output);
            return value("error");
        }
    }
}
