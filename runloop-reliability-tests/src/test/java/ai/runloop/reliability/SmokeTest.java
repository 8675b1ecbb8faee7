package ai.runloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.sdk.RunloopSDK;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void works() {
        try (RunloopEmulator emu = RunloopEmulator.builder().statusDelay(Duration.ofMillis(5)).build().start();
             RunloopSDK sdk = Sdks.sdk("netty", emu.baseUrl(), emu.token(), Duration.ofSeconds(10))) {
            var box = sdk.devbox().create();
            assertEquals("hi\n", box.cmd().exec("echo hi").stdout());
        }
    }
}
