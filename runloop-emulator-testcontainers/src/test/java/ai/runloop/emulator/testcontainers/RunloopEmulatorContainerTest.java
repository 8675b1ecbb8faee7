package ai.runloop.emulator.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Runs the emulator image where a Docker engine exists; skipped (not failed) where none runs. */
@Testcontainers(disabledWithoutDocker = true)
class RunloopEmulatorContainerTest {
    @Container
    static final RunloopEmulatorContainer EMULATOR = RunloopEmulatorContainer
            .fromJar(Path.of(System.getProperty("runloop.emulator.jar", "../runloop-emulator/target/runloop-emulator-all.jar")))
            .withToken("container-token").withStatusDelay(Duration.ofMillis(20));

    @Test
    void servesTheApiThroughThePublishedPort() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI base = EMULATOR.getBaseUrl();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(base.resolve("/v1/devboxes"))
                .header("Authorization", "Bearer " + EMULATOR.getToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(base.resolve("/v1/devboxes")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, denied.statusCode());
        HttpResponse<String> object = http.send(HttpRequest.newBuilder(base.resolve("/v1/objects"))
                .header("Authorization", "Bearer " + EMULATOR.getToken()).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\",\"content_type\":\"text\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(object.body().contains(base.getHost() + ":" + base.getPort()), "presigned URL reachable from the host: " + object.body());
    }
}
