package ai.runloop.emulator.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The container's configuration, checked without a Docker engine. */
class RunloopEmulatorContainerConfigTest {

    @Test
    void passesTokenBindPortAndDelayToTheEmulator() {
        try (RunloopEmulatorContainer c = new RunloopEmulatorContainer("runloop-emulator:test")
                .withToken("t0k").withStatusDelay(Duration.ofMillis(15))) {
            c.configure();
            assertEquals("t0k", c.getToken());
            assertEquals("t0k", c.getEnvMap().get("RUNLOOP_API_KEY"));
            List<String> cmd = List.of(c.getCommandParts());
            assertEquals(List.of("--bind", "0.0.0.0", "--port", "8080", "--root", "/home/runloop/state", "--status-delay-ms", "15"), cmd);
            assertTrue(c.getExposedPorts().contains(RunloopEmulatorContainer.PORT));
        }
        assertTrue("http://127.0.0.1:43211".matches(RunloopEmulatorContainer.READY_LINE));
        assertThrows(IllegalArgumentException.class, () -> new RunloopEmulatorContainer("x").withToken(" "));
        assertThrows(IllegalArgumentException.class, () -> RunloopEmulatorContainer.fromJar(Path.of("no-such.jar")));
    }
}
