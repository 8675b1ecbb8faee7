package ai.runloop.emulator.internal.cli;

import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.emulator.internal.server.RunloopEmulatorHosts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code java -jar runloop-emulator-<version>-all.jar --port N --token T --root DIR [--bind ADDR]}: starts the
 * emulator, prints one line with its URL when ready, and stops cleanly on SIGTERM or Ctrl-C.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    /** @param args command-line options (see {@link #usage()}) */
    public static void main(String[] args) {
        RunloopEmulator emulator;
        try {
            emulator = parse(args).build();
        } catch (IllegalArgumentException e) {
            System.err.println("runloop-emulator: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        emulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "runloop-emulator-shutdown"));
        PrintStream out = System.out;
        out.println(emulator.baseUrl());
        out.flush();
    }

    /**
     * @param args the options
     * @return a configured builder
     * @throws IllegalArgumentException on a bad option
     */
    public static RunloopEmulator.Builder parse(String[] args) {
        RunloopEmulator.Builder b = RunloopEmulator.builder();
        String token = System.getenv("RUNLOOP_API_KEY");
        String bind = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (opt.equals("--help") || opt.equals("-h")) {
                throw new IllegalArgumentException("help");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + opt);
            }
            String v = args[++i];
            switch (opt) {
                case "--port" -> b.port(parseInt(opt, v));
                case "--bind" -> {
                    b.bind(v);
                    bind = v;
                }
                case "--token" -> token = v;
                case "--root" -> b.rootDir(Path.of(v));
                case "--status-delay-ms" -> b.statusDelay(Duration.ofMillis(parseInt(opt, v)));
                default -> throw new IllegalArgumentException("unknown option " + opt);
            }
        }
        if (!RunloopEmulatorHosts.isLoopback(bind)) {
            System.err.println("runloop-emulator: WARNING listening on " + bind + ": anyone who can reach this port and knows"
                    + " the token can run commands as this user (meant for a container's published port only)");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("--token is required (or set RUNLOOP_API_KEY)");
        }
        return b.token(token);
    }

    private static int parseInt(String opt, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs a number, got " + v);
        }
    }

    /** @return the usage text */
    public static String usage() {
        return "usage: java -jar runloop-emulator-all.jar --token T [--port N] [--bind ADDR] [--root DIR] [--status-delay-ms MS]\n"
                + "  --bind defaults to 127.0.0.1; use 0.0.0.0 only inside a container.\n"
                + "  Commands sent to the emulator run as local processes: it is not a security sandbox.";
    }
}
