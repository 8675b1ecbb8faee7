package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the emulator's main in a separate JVM, as {@code java -jar} would, and stops it with SIGTERM. */
class StandaloneMainTest {

    @Test
    void mainPrintsItsUrlServesRequestsAndStopsOnSigterm() throws Exception {
        Path root = Files.createTempDirectory("emu-main");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isEmpty()) {
            cmd.addAll(List.of("-p", modulePath, "-m", "ai.runloop.emulator/ai.runloop.emulator.internal.cli.EmulatorMain"));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "ai.runloop.emulator.internal.cli.EmulatorMain"));
        }
        cmd.addAll(List.of("--port", "0", "--token", "main-token", "--root", root.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.matches("http://127\\.0\\.0\\.1:\\d+"), "first line: " + line);
            Http http = new Http(URI.create(line), "main-token", HttpClient.Version.HTTP_1_1);
            assertEquals(200, http.get("/v1/devboxes").statusCode());
            assertEquals(401, new Http(URI.create(line), "other", HttpClient.Version.HTTP_1_1).get("/v1/devboxes").statusCode());
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
    }
}
