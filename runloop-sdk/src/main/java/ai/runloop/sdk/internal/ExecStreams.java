package ai.runloop.sdk.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Streams a running command's stdout and stderr to line callbacks while keeping the whole text. The
 * first exception a callback throws stops further callbacks and fails {@link #done()}.
 */
public final class ExecStreams {
    /** How long to wait for the streams to end after the command completed. */
    private static final long DRAIN_SECONDS = 30;

    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final AtomicReference<Throwable> callbackError = new AtomicReference<>();
    private final Object outputLock = new Object();
    private final CompletableFuture<Void> stdoutDone;
    private final CompletableFuture<Void> stderrDone;

    /**
     * Starts reading both streams.
     *
     * @param ctx         the SDK context
     * @param devboxId    the devbox
     * @param executionId the execution
     * @param onStdout    stdout line callback, or null
     * @param onStderr    stderr line callback, or null
     * @param onOutput    callback for lines of both, or null
     */
    public ExecStreams(SdkContext ctx, String devboxId, String executionId, Consumer<String> onStdout,
                       Consumer<String> onStderr, Consumer<String> onOutput) {
        LineSplitter out = new LineSplitter(line -> deliver(line, onStdout, onOutput));
        LineSplitter err = new LineSplitter(line -> deliver(line, onStderr, onOutput));
        this.stdoutDone = Outputs.stream(ctx, devboxId, executionId, true, chunk -> {
            synchronized (stdout) {
                stdout.append(chunk);
            }
            out.accept(chunk);
        }).thenRun(out::finish);
        this.stderrDone = Outputs.stream(ctx, devboxId, executionId, false, chunk -> {
            synchronized (stderr) {
                stderr.append(chunk);
            }
            err.accept(chunk);
        }).thenRun(err::finish);
    }

    private void deliver(String line, Consumer<String> own, Consumer<String> both) {
        if (callbackError.get() != null) {
            return;
        }
        try {
            if (own != null) {
                own.accept(line);
            }
            if (both != null) {
                synchronized (outputLock) {
                    both.accept(line);
                }
            }
        } catch (RuntimeException | Error e) {
            callbackError.compareAndSet(null, e);
        }
    }

    /**
     * @return completes when both streams ended (or after a grace period once the command completed,
     *         with {@code false} when they had not ended), failing when a callback threw
     */
    public CompletableFuture<Boolean> drained() {
        return CompletableFuture.allOf(stdoutDone, stderrDone).thenApply(v -> Boolean.TRUE)
                .completeOnTimeout(Boolean.FALSE, DRAIN_SECONDS, TimeUnit.SECONDS)
                .thenApply(ended -> {
                    Throwable e = callbackError.get();
                    if (e != null) {
                        throw new IllegalStateException("an output callback threw: " + e, e);
                    }
                    return ended;
                });
    }

    /** @return the stdout text read so far */
    public String stdout() {
        synchronized (stdout) {
            return stdout.toString();
        }
    }

    /** @return the stderr text read so far */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Stops reading. */
    public void cancel() {
        stdoutDone.cancel(true);
        stderrDone.cancel(true);
    }
}
