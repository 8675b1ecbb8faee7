package ai.runloop.sdk;

import ai.runloop.api.internal.Uuid7;
import ai.runloop.model.devboxes.DevboxExecuteAsyncParams;
import ai.runloop.model.devboxes.DevboxExecuteParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.ExecStreams;
import ai.runloop.sdk.internal.SdkContext;
import java.util.concurrent.CompletableFuture;

/**
 * Runs commands on a devbox ({@code CompletableFuture} flavour): {@code devbox.cmd()}, or
 * {@code devbox.shell(name)} for a persistent shell whose working directory and exported variables
 * carry over between commands.
 */
public final class AsyncCommandOps {
    private final SdkContext ctx;
    private final String devboxId;
    private final String shellName;

    AsyncCommandOps(SdkContext ctx, String devboxId, String shellName) {
        this.ctx = ctx;
        this.devboxId = devboxId;
        this.shellName = shellName;
    }

    /** @return the devbox */
    public String devboxId() {
        return devboxId;
    }

    /** @return the persistent shell these commands run in, or null for a fresh shell per command */
    public String shellName() {
        return shellName;
    }

    /**
     * Runs a command and waits for it to complete.
     *
     * @param command a shell command line
     * @return the result
     */
    public CompletableFuture<ExecutionResult> exec(String command) {
        return exec(command, ExecOptions.none());
    }

    /**
     * Runs a command and waits for it to complete (and, with callbacks, for its output to be delivered).
     * Without callbacks or stdin it uses the idempotent {@code execute} call with a client-made
     * command id, so a retried request never runs the command twice.
     *
     * @param command a shell command line
     * @param options shell, stdin, callbacks (run on transport threads) and polling
     * @return the result
     */
    public CompletableFuture<ExecutionResult> exec(String command, ExecOptions options) {
        Checks.notBlank("command", command);
        ExecOptions opts = options == null ? ExecOptions.none() : options;
        if (opts.streams() || opts.attachStdin()) {
            return execAsync(command, opts).thenCompose(AsyncExecution::result);
        }
        // The server holds execute up to optimistic_timeout (default 25 s): keep that hold within the
        // caller's polling budget, or a short budget would still wait 25 s.
        java.time.Duration budget = (opts.polling() == null ? ai.runloop.api.PollingConfig.defaults() : opts.polling()).budget();
        Integer optimistic = budget == null ? null : (int) Math.min(25, budget.toSeconds());
        DevboxExecuteParams params = DevboxExecuteParams.builder().command(command).commandId(Uuid7.next())
                .shellName(shell(opts)).optimisticTimeout(optimistic).build();
        return ctx.client().devboxes().async().execute(devboxId, params, null)
                .thenCompose(view -> new AsyncExecution(ctx, view, null, opts.polling()).result());
    }

    /**
     * Starts a command and returns at once.
     *
     * @param command a shell command line
     * @return the running execution
     */
    public CompletableFuture<AsyncExecution> execAsync(String command) {
        return execAsync(command, ExecOptions.none());
    }

    /**
     * Starts a command and returns at once; with callbacks, its output streams to them in the
     * background (on transport threads) until it ends.
     *
     * @param command a shell command line
     * @param options shell, stdin, callbacks and polling
     * @return the running execution
     */
    public CompletableFuture<AsyncExecution> execAsync(String command, ExecOptions options) {
        Checks.notBlank("command", command);
        ExecOptions opts = options == null ? ExecOptions.none() : options;
        DevboxExecuteAsyncParams params = DevboxExecuteAsyncParams.builder().command(command)
                .shellName(shell(opts)).attachStdin(opts.attachStdin() ? Boolean.TRUE : null).build();
        return ctx.client().devboxes().async().executeAsync(devboxId, params, null).thenApply(view -> {
            ExecStreams streams = opts.streams()
                    ? new ExecStreams(ctx, devboxId, view.executionId(), opts.stdout(), opts.stderr(), opts.output())
                    : null;
            return new AsyncExecution(ctx, view, streams, opts.polling());
        });
    }

    private String shell(ExecOptions opts) {
        return shellName != null ? shellName : opts.shellName();
    }

    @Override
    public String toString() {
        return "AsyncCommandOps{devbox=" + devboxId + (shellName == null ? "" : ", shell=" + shellName) + '}';
    }
}
