package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The emulator's main in its own JVM (with the given JVM options), as {@code java -jar} would run it. */
final class ForkedEmulator implements AutoCloseable {
    final Process process;
    final URI url;
    final String token = "forked-token";

    ForkedEmulator(String... jvmOptions) throws Exception {
        Path root = Files.createTempDirectory("emu-forked");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmOptions));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isEmpty()) {
            cmd.addAll(List.of("-p", modulePath, "-m", "ai.runloop.emulator/ai.runloop.emulator.internal.cli.EmulatorMain"));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "ai.runloop.emulator.internal.cli.EmulatorMain"));
        }
        cmd.addAll(List.of("--port", "0", "--token", token, "--root", root.toString(), "--status-delay-ms", "10"));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(line != null && line.matches("http://127\\.0\\.0\\.1:\\d+"), "first line: " + line);
        url = URI.create(line);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
