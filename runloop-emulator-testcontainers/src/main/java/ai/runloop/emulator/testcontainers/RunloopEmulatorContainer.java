package ai.runloop.emulator.testcontainers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The Runloop emulator in a Docker container, for tests that use Testcontainers.
 *
 * <p>Start it from an image built with {@code runloop-emulator/Dockerfile}, or let
 * {@link #fromJar(Path)} build one from the emulator's {@code -all.jar}. Inside the container the
 * emulator listens on {@code 0.0.0.0:8080} (so the published port reaches it); from the host it is
 * reached at {@link #getBaseUrl()} with the bearer token {@link #getToken()}. The container is ready
 * when the emulator prints its URL line.
 *
 * <pre>{@code
 * @Container
 * static RunloopEmulatorContainer emulator = new RunloopEmulatorContainer("runloop-emulator:latest")
 *         .withToken("test-token").withStatusDelay(Duration.ofMillis(20));
 * // RUNLOOP_BASE_URL = emulator.getBaseUrl(), RUNLOOP_API_KEY = emulator.getToken()
 * }</pre>
 *
 * <p>Commands sent to the emulator run as processes inside the container: it is a test tool, not a
 * security sandbox.
 */
public class RunloopEmulatorContainer extends GenericContainer<RunloopEmulatorContainer> {
    /** Port the emulator listens on inside the container. */
    public static final int PORT = 8080;
    /** Regex of the line the emulator prints once it serves requests. */
    public static final String READY_LINE = "^http://\\S+:\\d+\\s*$";

    private String token = "rle_" + UUID.randomUUID().toString().replace("-", "");
    private Duration statusDelay;

    /** @param image an image built from {@code runloop-emulator/Dockerfile} */
    public RunloopEmulatorContainer(DockerImageName image) {
        super(Objects.requireNonNull(image, "image"));
        init();
    }

    /** @param image name of an image built from {@code runloop-emulator/Dockerfile} */
    public RunloopEmulatorContainer(String image) {
        this(DockerImageName.parse(image));
    }

    private RunloopEmulatorContainer(ImageFromDockerfile image) {
        super(image);
        init();
    }

    private void init() {
        addExposedPort(PORT);
        waitingFor(Wait.forLogMessage(READY_LINE, 1).withStartupTimeout(Duration.ofSeconds(60)));
    }

    /**
     * Builds an image from the emulator's self-contained jar
     * ({@code runloop-emulator-<version>-all.jar}) on {@code eclipse-temurin:17-jre}, as the
     * project's Dockerfile does.
     *
     * @param allJar the jar
     * @return a container for that image
     */
    public static RunloopEmulatorContainer fromJar(Path allJar) {
        if (!Files.isRegularFile(Objects.requireNonNull(allJar, "allJar"))) {
            throw new IllegalArgumentException("no emulator jar at " + allJar);
        }
        ImageFromDockerfile image = new ImageFromDockerfile("runloop-emulator-testcontainers", false)
                .withFileFromPath("runloop-emulator.jar", allJar)
                .withDockerfileFromBuilder(d -> d.from("eclipse-temurin:17-jre")
                        .run("useradd --create-home --uid 10001 runloop")
                        .copy("runloop-emulator.jar", "/opt/runloop-emulator.jar")
                        .user("runloop")
                        .workDir("/home/runloop")
                        .expose(PORT)
                        .entryPoint("java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/runloop-emulator.jar")
                        .build());
        return new RunloopEmulatorContainer(image);
    }

    /** @param value the bearer token clients must send (default: a random one) @return this */
    public RunloopEmulatorContainer withToken(String value) {
        if (Objects.requireNonNull(value, "token").isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        this.token = value;
        return self();
    }

    /** @param value delay of each automatic status step (default: the emulator's, 200 ms) @return this */
    public RunloopEmulatorContainer withStatusDelay(Duration value) {
        if (Objects.requireNonNull(value, "statusDelay").isNegative()) {
            throw new IllegalArgumentException("statusDelay must not be negative");
        }
        this.statusDelay = value;
        return self();
    }

    @Override
    protected void configure() {
        List<String> args = new ArrayList<>(List.of("--bind", "0.0.0.0", "--port", String.valueOf(PORT),
                "--root", "/home/runloop/state"));
        if (statusDelay != null) {
            args.addAll(List.of("--status-delay-ms", String.valueOf(statusDelay.toMillis())));
        }
        withEnv("RUNLOOP_API_KEY", token);
        withCommand(args.toArray(String[]::new));
    }

    /** @return the bearer token clients must send */
    public String getToken() {
        return token;
    }

    /** @return {@code http://<docker host>:<mapped port>}, for {@code RUNLOOP_BASE_URL} */
    public URI getBaseUrl() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
    }
}
