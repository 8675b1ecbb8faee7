package ai.runloop.api.spi.tck;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the TCK in a new JVM that sees the same modules and classes as the test JVM,
 * either on the module path (the transport and the API as named modules, found by service binding
 * from {@code ai.runloop.api}) or all on the class path.
 */
final class ForkedJvm {

    /** How the child JVM sees the SDK's jars. */
    enum Layout {
        /** SDK jars as named modules; the TCK on the class path. */
        MODULE_PATH,
        /** Everything on the class path; {@code module-info} is ignored, {@code META-INF/services} used. */
        CLASS_PATH
    }

    /** The exit code and combined output of a child JVM. */
    record Result(int exitCode, String output) {
    }

    private ForkedJvm() {
    }

    /** Whether the test JVM itself runs on the module path, so a module-path child can be built. */
    static boolean testJvmHasModulePath() {
        String modulePath = System.getProperty("jdk.module.path");
        return modulePath != null && !modulePath.isBlank();
    }

    static Result run(Layout layout, List<String> jvmOptions, Class<?> mainClass, List<String> args,
                      Duration limit, Path workDir) throws IOException, InterruptedException {
        String modulePath = System.getProperty("jdk.module.path", "");
        String classPath = System.getProperty("java.class.path", "");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (layout == Layout.MODULE_PATH) {
            command.add("--module-path");
            command.add(modulePath);
            // Only the API module is a root: the transport must come in by service binding.
            command.add("--add-modules");
            command.add("ai.runloop.api");
            command.add("--add-exports");
            command.add("ai.runloop.api/ai.runloop.api.internal.transport=ALL-UNNAMED");
            command.add("-cp");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(modulePath.isBlank() ? classPath : modulePath + File.pathSeparator + classPath);
        }
        command.add(mainClass.getName());
        command.addAll(args);

        Path output = Files.createTempFile(workDir, "forked-jvm", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            fail("the forked JVM did not finish within " + limit + "; output:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
