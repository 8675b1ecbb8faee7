package ai.runloop.emulator.internal.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one emulator instance.
 *
 * @param bind address to listen on (127.0.0.1 unless a container asks for 0.0.0.0)
 * @param port port to bind (0 = any free one)
 * @param token bearer token required on API routes
 * @param root folder for all state on disk
 * @param statusDelay delay of each automatic status step
 * @param devboxWaitHold max hold of devbox wait_for_status
 * @param executionWaitHold max hold of execution wait_for_status
 * @param timerSecond length of one second of the keep-alive and idle timers (shorter in tests)
 */
public record EmulatorConfig(String bind, int port, String token, Path root, Duration statusDelay, Duration devboxWaitHold,
        Duration executionWaitHold, Duration timerSecond) {
}
