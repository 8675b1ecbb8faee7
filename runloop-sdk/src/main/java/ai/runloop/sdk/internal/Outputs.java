package ai.runloop.sdk.internal;

import ai.runloop.api.SseStream;
import ai.runloop.api.services.DevboxExecutionsService;
import ai.runloop.model.devboxes.ExecutionStreamStderrUpdatesParams;
import ai.runloop.model.devboxes.ExecutionStreamStdoutUpdatesParams;
import ai.runloop.model.devboxes.ExecutionUpdateChunk;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Reads an execution's stdout or stderr event stream from the start (it resumes by itself). */
public final class Outputs {
    private Outputs() {
    }

    /**
     * @param ctx         the SDK context
     * @param devboxId    the devbox
     * @param executionId the execution
     * @param stdout      stdout, else stderr
     * @param chunks      receives each chunk's text, in order, on a transport thread
     * @return completes when the server ends the stream (after the command finished)
     */
    public static CompletableFuture<Void> stream(SdkContext ctx, String devboxId, String executionId, boolean stdout,
                                                 Consumer<String> chunks) {
        DevboxExecutionsService.Async ex = ctx.client().devboxes().executions().async();
        SseStream<ExecutionUpdateChunk> stream = stdout
                ? ex.streamStdoutUpdates(executionId, ExecutionStreamStdoutUpdatesParams.builder().devboxId(devboxId)
                        .offset("0").build(), null)
                : ex.streamStderrUpdates(executionId, ExecutionStreamStderrUpdatesParams.builder().devboxId(devboxId)
                        .offset("0").build(), null);
        return stream.forEach(chunk -> {
            if (chunk.output() != null && !chunk.output().isEmpty()) {
                chunks.accept(chunk.output());
            }
        });
    }

    /**
     * @param ctx         the SDK context
     * @param devboxId    the devbox
     * @param executionId the execution
     * @param stdout      stdout, else stderr
     * @return the whole stream's text
     */
    public static CompletableFuture<String> readAll(SdkContext ctx, String devboxId, String executionId, boolean stdout) {
        StringBuilder all = new StringBuilder();
        return stream(ctx, devboxId, executionId, stdout, all::append).thenApply(v -> all.toString());
    }
}
