package ai.runloop.examples;

import ai.runloop.sdk.AsyncDevbox;
import ai.runloop.sdk.AsyncRunloopSDK;
import ai.runloop.sdk.ExecOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The CompletableFuture flavour: three devboxes in parallel, without blocking a thread until the end. */
public final class AsyncExample {
    private AsyncExample() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        try (Connection c = Connection.open()) {
            run(c.asyncSdk()).join();
        }
    }

    static CompletableFuture<Void> run(AsyncRunloopSDK sdk) {
        List<CompletableFuture<String>> jobs = List.of(1, 2, 3).stream().map(n -> sdk.devbox().create()
                .thenCompose(devbox -> devbox.cmd().exec("echo job " + n,
                                ExecOptions.builder().stdout(line -> System.out.println("[" + n + "] " + line)).build())
                        .thenCompose(result -> result.stdoutAsync())
                        .whenComplete((out, error) -> shutdown(devbox)))).toList();
        return CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new))
                .thenRun(() -> jobs.forEach(j -> System.out.print(j.join())));
    }

    private static void shutdown(AsyncDevbox devbox) {
        devbox.shutdown();
    }
}
