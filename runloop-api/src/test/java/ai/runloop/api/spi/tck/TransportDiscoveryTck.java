package ai.runloop.api.spi.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery of a transport by {@link java.util.ServiceLoader}, checked in fresh JVMs: on the module
 * path (where only {@code ai.runloop.api} is a root module and the transport arrives by service
 * binding through {@code provides}) and on the class path (through {@code META-INF/services}).
 * A transport module extends it and names its provider.
 */
public abstract class TransportDiscoveryTck {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tempDir;

    /**
     * The name of the transport module's provider, which must be the one of highest priority on
     * the test's module path and class path.
     *
     * @return the provider name, such as {@code jdk}
     */
    protected abstract String expectedProviderName();

    @Test
    void foundOnTheModulePathAsANamedModule() throws Exception {
        assumeTrue(ForkedJvm.testJvmHasModulePath(), "the test JVM runs on the class path only");
        ForkedJvm.Result result = fork(ForkedJvm.Layout.MODULE_PATH, List.of());
        assertEquals("chosen=" + expectedProviderName(), line(result, "chosen="));
        assertNotEquals("module=unnamed", line(result, "module="), result.output());
    }

    @Test
    void foundOnTheClassPath() throws Exception {
        ForkedJvm.Result result = fork(ForkedJvm.Layout.CLASS_PATH, List.of());
        assertEquals("chosen=" + expectedProviderName(), line(result, "chosen="));
        assertEquals("module=unnamed", line(result, "module="));
    }

    @Test
    void selectedByNameWithTheSystemProperty() throws Exception {
        assertEquals("chosen=" + expectedProviderName(),
                discover(ForkedJvm.Layout.CLASS_PATH, List.of("-Drunloop.transport=" + expectedProviderName().toUpperCase(java.util.Locale.ROOT))));
    }

    @Test
    void anUnknownNameSaysWhatWasFoundAndWhatToAdd() throws Exception {
        ForkedJvm.Layout layout = ForkedJvm.testJvmHasModulePath() ? ForkedJvm.Layout.MODULE_PATH : ForkedJvm.Layout.CLASS_PATH;
        String line = discover(layout, List.of("-Drunloop.transport=no-such-transport"));
        assertTrue(line.startsWith("error="), line);
        assertTrue(line.contains("'no-such-transport'"), line);
        assertTrue(line.contains(expectedProviderName() + " (priority "), line);
        assertTrue(line.contains("ai.runloop:runloop-transport-jdk"), line);
        assertTrue(line.contains("ai.runloop:runloop-transport-netty"), line);
        assertTrue(line.contains("ai.runloop:runloop-transport-vertx"), line);
    }

    private String discover(ForkedJvm.Layout layout, List<String> jvmOptions) throws Exception {
        ForkedJvm.Result result = fork(layout, jvmOptions);
        return result.output().lines()
                .filter(line -> line.startsWith("chosen=") || line.startsWith("error="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result line in:\n" + result.output()));
    }

    private ForkedJvm.Result fork(ForkedJvm.Layout layout, List<String> jvmOptions) throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(layout, jvmOptions, ForkedDiscovery.class, List.of(), LIMIT, tempDir);
        assertEquals(0, result.exitCode(), result.output());
        return result;
    }

    private static String line(ForkedJvm.Result result, String prefix) {
        return result.output().lines().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " line in:\n" + result.output()));
    }
}
