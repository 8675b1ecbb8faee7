package ai.runloop.emulator.internal.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one emulator instance.
 *
 * @param port port to bind (0 = any free one)
 * @param token bearer token required on API routes
 * @param root folder for all state on disk
 * @param statusDelay delay of each automatic status step
 * @param devboxWaitHold max hold of devbox wait_for_status
 * @param executionWaitHold max hold of execution wait_for_status
 */
public record EmulatorConfig(int port, String token, Path root, Duration statusDelay, Duration devboxWaitHold,
        Duration executionWaitHold) {
}
