package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.internal.Waits;
import ai.runloop.api.services.DevboxExecutionsService;
import ai.runloop.model.devboxes.DevboxAsyncExecutionDetailView;
import ai.runloop.model.devboxes.DevboxSendStdInResult;
import ai.runloop.model.devboxes.DevboxWaitForCommandParams;
import ai.runloop.model.devboxes.ExecutionKillParams;
import ai.runloop.model.devboxes.ExecutionRetrieveParams;
import ai.runloop.model.devboxes.ExecutionSendStdInParams;
import ai.runloop.model.devboxes.ExecutionStatus;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.ExecStreams;
import ai.runloop.sdk.internal.SdkContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A command started on a devbox ({@code CompletableFuture} flavour). Holds its ids; when started with
 * line callbacks, its output is being streamed to them.
 */
public final class AsyncExecution {
    private static final Duration EXEC_HOLD = Duration.ofSeconds(25);

    private final SdkContext ctx;
    private final DevboxAsyncExecutionDetailView initial;
    private final ExecStreams streams;
    private final PollingConfig polling;

    AsyncExecution(SdkContext ctx, DevboxAsyncExecutionDetailView initial, ExecStreams streams, PollingConfig polling) {
        this.ctx = ctx;
        this.initial = initial;
        this.streams = streams;
        this.polling = polling;
    }

    /** @return the execution id */
    public String executionId() {
        return initial.executionId();
    }

    /** @return the devbox the command runs on */
    public String devboxId() {
        return initial.devboxId();
    }

    /** @return the view returned when the command was started */
    public DevboxAsyncExecutionDetailView initialState() {
        return initial;
    }

    private DevboxExecutionsService.Async executions() {
        return ctx.client().devboxes().executions().async();
    }

    /** @return the current view of the execution (status, exit code, output tail) */
    public CompletableFuture<DevboxAsyncExecutionDetailView> getState() {
        return executions().retrieve(executionId(), ExecutionRetrieveParams.builder().devboxId(devboxId()).build(), null);
    }

    /** @return the result once the command completed and its output streams ended, waiting with the exec's polling */
    public CompletableFuture<ExecutionResult> result() {
        return result(polling);
    }

    /**
     * @param polling how long to wait (null for the default: 120 s)
     * @return the result once the command completed; fails with a
     *         {@link ai.runloop.api.errors.PollingTimeoutException} naming the last status seen
     */
    public CompletableFuture<ExecutionResult> result(PollingConfig polling) {
        return awaitCompleted(polling).thenCompose(view -> {
            if (streams == null) {
                return CompletableFuture.completedFuture(new ExecutionResult(ctx, view, null, null));
            }
            return streams.drained().thenApply(ended -> ended
                    ? new ExecutionResult(ctx, view, streams.stdout(), streams.stderr())
                    : new ExecutionResult(ctx, view, null, null));
        });
    }

    CompletableFuture<DevboxAsyncExecutionDetailView> awaitCompleted(PollingConfig polling) {
        if (ExecutionStatus.COMPLETED.equals(initial.status())) {
            return CompletableFuture.completedFuture(initial);
        }
        String awaited = "execution " + executionId() + " on devbox " + devboxId() + " to complete";
        return Waits.longPoll(ctx.core(), hold -> executions().waitForStatus(executionId(), DevboxWaitForCommandParams.builder()
                                .devboxId(devboxId()).statuses(List.of(ExecutionStatus.COMPLETED))
                                .timeoutSeconds((int) Math.max(1, Math.min(25, (hold.toMillis() + 999) / 1000))).build(),
                        Waits.longPollOptions(hold)),
                v -> ExecutionStatus.COMPLETED.equals(v.status()), v -> String.valueOf(v.status()), polling, awaited,
                EXEC_HOLD, initial, this::getState);
    }

    /** @return the view after killing the command's process */
    public CompletableFuture<DevboxAsyncExecutionDetailView> kill() {
        return kill(false);
    }

    /**
     * @param processGroup kill the whole process group, not only the process
     * @return the view after the kill
     */
    public CompletableFuture<DevboxAsyncExecutionDetailView> kill(boolean processGroup) {
        return executions().kill(executionId(), ExecutionKillParams.builder().devboxId(devboxId())
                .killProcessGroup(processGroup).build(), null);
    }

    /**
     * @param text text to write to stdin (the command must have been started with {@code attachStdin})
     * @return the server's answer
     */
    public CompletableFuture<DevboxSendStdInResult> sendStdIn(String text) {
        Checks.notNull("text", text);
        return executions().sendStdIn(executionId(), ExecutionSendStdInParams.builder().devboxId(devboxId())
                .text(text).build(), null);
    }

    /** @return the server's answer after closing stdin (end of file) */
    public CompletableFuture<DevboxSendStdInResult> closeStdIn() {
        return executions().sendStdIn(executionId(), ExecutionSendStdInParams.builder().devboxId(devboxId())
                .signal(ExecutionSendStdInParams.Signal.EOF).build(), null);
    }

    @Override
    public String toString() {
        return "AsyncExecution{" + executionId() + " on " + devboxId() + '}';
    }
}
