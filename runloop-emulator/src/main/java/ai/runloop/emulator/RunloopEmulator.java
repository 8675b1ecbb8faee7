package ai.runloop.emulator;

import ai.runloop.emulator.internal.server.EmulatorConfig;
import ai.runloop.emulator.internal.server.EmulatorServer;
import ai.runloop.emulator.internal.server.RunloopEmulatorHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * A local Runloop-compatible API server, bound to {@code 127.0.0.1} (see {@link Builder#bind(String)}
 * for the one exception: inside a container).
 *
 * <p>Devboxes are folders under a root directory and commands run as <strong>ordinary local
 * processes</strong> with the rights of the user running the emulator: this is a development and
 * test tool, <strong>not a security sandbox</strong>. Never expose it to untrusted callers.
 *
 * <pre>{@code
 * try (RunloopEmulator emulator = RunloopEmulator.builder().build().start()) {
 *     URI base = emulator.baseUrl();      // http://127.0.0.1:<port>
 *     String key = emulator.token();      // send as "Authorization: Bearer <key>"
 * }
 * }</pre>
 *
 * It speaks HTTP/1.1 and cleartext HTTP/2 (prior knowledge and upgrade) on one port.
 */
public final class RunloopEmulator implements AutoCloseable {

    private final EmulatorConfig config;
    private final FaultPlan faults = new FaultPlan();
    private volatile EmulatorServer server;

    private RunloopEmulator(EmulatorConfig config) {
        this.config = config;
    }

    /** @return a builder with defaults: random port, random token, temporary root, short delays */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts serving; blocks until the server listens.
     *
     * @return this
     * @throws IllegalStateException when already started or the port cannot be bound
     */
    public synchronized RunloopEmulator start() {
        if (server != null) {
            throw new IllegalStateException("emulator already started");
        }
        server = EmulatorServer.start(config, faults);
        return this;
    }

    /**
     * @return {@code http://127.0.0.1:<port>} (or the bound address when it is neither loopback nor a
     *     wildcard), without a trailing slash
     */
    public URI baseUrl() {
        return URI.create("http://" + RunloopEmulatorHosts.urlHost(config.bind()) + ":" + port());
    }

    /** @return the bound port */
    public int port() {
        EmulatorServer s = server;
        if (s == null) {
            throw new IllegalStateException("emulator not started");
        }
        return s.port();
    }

    /** @return the bearer token clients must send */
    public String token() {
        return config.token();
    }

    /** @return the root folder holding devboxes, snapshots, blueprints and objects */
    public Path rootDir() {
        return config.root();
    }

    /** @return the live fault plan; changes apply to the next request */
    public FaultPlan faults() {
        return faults;
    }

    /** Stops the server, kills every process it started and waits for them. Idempotent. */
    @Override
    public synchronized void close() {
        EmulatorServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }

    /** Configures a {@link RunloopEmulator}. */
    public static final class Builder {
        private String bind = "127.0.0.1";
        private int port;
        private String token;
        private Path root;
        private Duration statusDelay = Duration.ofMillis(200);
        private Duration devboxWaitHold = Duration.ofSeconds(30);
        private Duration executionWaitHold = Duration.ofSeconds(25);
        private Duration timerSecond = Duration.ofSeconds(1);

        private Builder() {
        }

        /** @param value port to bind; 0 (default) picks a free one @return this */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * The address to listen on; default {@code 127.0.0.1}. Only a container image should use
         * {@code 0.0.0.0} (so its published port reaches the emulator): every caller who can reach the
         * port and knows the token can run commands as the emulator's user.
         *
         * @param value an IP address or host name of this machine
         * @return this
         */
        public Builder bind(String value) {
            if (Objects.requireNonNull(value, "bind").isBlank()) {
                throw new IllegalArgumentException("bind must not be blank");
            }
            this.bind = value.trim();
            return this;
        }

        /** @param value the bearer token to require (default: a random one) @return this */
        public Builder token(String value) {
            if (Objects.requireNonNull(value, "token").isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            this.token = value;
            return this;
        }

        /** @param value folder for devboxes and stored data (default: a new temporary folder) @return this */
        public Builder rootDir(Path value) {
            this.root = Objects.requireNonNull(value, "rootDir");
            return this;
        }

        /**
         * @param value delay of each automatic status step (provisioning → initializing → running,
         *     suspending → suspended, builds); default 200 ms
         * @return this
         */
        public Builder statusDelay(Duration value) {
            this.statusDelay = nonNegative(value, "statusDelay");
            return this;
        }

        /** @param value longest hold of a devbox {@code wait_for_status} before 408 (default and max 30 s) @return this */
        public Builder devboxWaitHold(Duration value) {
            this.devboxWaitHold = nonNegative(value, "devboxWaitHold");
            return this;
        }

        /** @param value longest hold of an execution {@code wait_for_status} before 408 (default and max 25 s) @return this */
        public Builder executionWaitHold(Duration value) {
            this.executionWaitHold = nonNegative(value, "executionWaitHold");
            return this;
        }

        /**
         * Speeds up (or slows down) the devbox keep-alive and idle timers for tests: each of their
         * seconds ({@code keep_alive_time_seconds}, {@code after_idle.idle_time_seconds}) lasts this
         * long; default 1 s.
         *
         * @param value the length of one timer second, at least 1 ms
         * @return this
         */
        public Builder timerSecond(Duration value) {
            if (Objects.requireNonNull(value, "timerSecond").toMillis() < 1) {
                throw new IllegalArgumentException("timerSecond must be at least 1 ms");
            }
            this.timerSecond = value;
            return this;
        }

        /** @return the emulator, not yet started */
        public RunloopEmulator build() {
            Path dir = root;
            if (dir == null) {
                try {
                    dir = Files.createTempDirectory("runloop-emulator-");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create a root folder", e);
                }
            }
            String tok = token != null ? token : "rle_" + UUID.randomUUID().toString().replace("-", "");
            return new RunloopEmulator(new EmulatorConfig(bind, port, tok, dir.toAbsolutePath().normalize(),
                    statusDelay, devboxWaitHold, executionWaitHold, timerSecond));
        }

        private static Duration nonNegative(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        }
    }
}
