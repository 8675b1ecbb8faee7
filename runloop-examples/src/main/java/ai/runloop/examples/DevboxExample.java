package ai.runloop.examples;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.devboxes.DevboxCreateParams;
import ai.runloop.sdk.Devbox;
import ai.runloop.sdk.ExecOptions;
import ai.runloop.sdk.Execution;
import ai.runloop.sdk.ExecutionResult;
import ai.runloop.sdk.RunloopSDK;
import java.time.Duration;
import java.util.Map;

/** Devboxes: create, commands (callbacks, background executions, stdin, named shells), lifecycle. */
public final class DevboxExample {
    private DevboxExample() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        try (Connection c = Connection.open()) {
            run(c.sdk());
        }
    }

    static void run(RunloopSDK sdk) {
        // Create (returns when running); try-with-resources shuts it down.
        try (Devbox devbox = sdk.devbox().create(DevboxCreateParams.builder().name("example")
                .environmentVariables(Map.of("GREETING", "hi")).build(), PollingConfig.timeout(Duration.ofMinutes(5)))) {

            // Run a command and wait.
            ExecutionResult r = devbox.cmd().exec("echo $GREETING; exit 2");
            System.out.println(r.exitCode() + " " + r.failed() + " " + r.stdout(1));

            // Stream lines as they come (callbacks run on transport threads: keep them cheap).
            devbox.cmd().exec("seq 1 3; echo oops >&2", ExecOptions.builder()
                    .stdout(line -> System.out.println("out: " + line))
                    .stderr(line -> System.out.println("err: " + line)).build());

            // Start in the background, talk to stdin, wait for the result.
            Execution cat = devbox.cmd().execAsync("cat", ExecOptions.builder().attachStdin(true).build());
            cat.sendStdIn("typed\n");
            cat.closeStdIn();
            System.out.println(cat.result().stdout());

            // Kill a long command.
            Execution sleeper = devbox.cmd().execAsync("sleep 600");
            sleeper.kill();

            // A persistent shell keeps the working directory and exported variables.
            devbox.shell("build").exec("mkdir -p app && cd app && export MODE=dev");
            System.out.println(devbox.shell("build").exec("echo $MODE in $(pwd)").stdout());

            // Lifecycle.
            devbox.keepAlive();
            devbox.suspend();
            devbox.resume();
            System.out.println(devbox.getInfo().status());

            // Network: SSH key and a tunnel.
            System.out.println(devbox.net().createSshKey().sshUser());
            devbox.net().enableTunnel();
            System.out.println(devbox.net().getTunnelUrl(8080));
            devbox.net().removeTunnel();
        }
        // Find existing devboxes.
        sdk.devbox().list().forEach(d -> System.out.println(d.id()));
    }
}
