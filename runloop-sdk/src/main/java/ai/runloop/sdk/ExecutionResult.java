package ai.runloop.sdk;

import ai.runloop.model.devboxes.DevboxAsyncExecutionDetailView;
import ai.runloop.sdk.internal.Blocking;
import ai.runloop.sdk.internal.Outputs;
import ai.runloop.sdk.internal.SdkContext;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The outcome of a completed command: exit code and output. The server returns only the tail of each
 * stream (100 lines); when it was cut and more is asked for, the whole stream is read from the start
 * (and kept). Output streamed to callbacks during the command is kept whole from the start.
 * Thread-safe and immutable apart from that cache.
 */
public final class ExecutionResult {
    private final SdkContext ctx;
    private final DevboxAsyncExecutionDetailView view;
    private volatile String fullStdout;
    private volatile String fullStderr;

    ExecutionResult(SdkContext ctx, DevboxAsyncExecutionDetailView view, String fullStdout, String fullStderr) {
        this.ctx = ctx;
        this.view = view;
        this.fullStdout = fullStdout;
        this.fullStderr = fullStderr;
    }

    /** @return the devbox the command ran on */
    public String devboxId() {
        return view.devboxId();
    }

    /** @return the execution id */
    public String executionId() {
        return view.executionId();
    }

    /** @return the exit code, or null when the server reported none (killed) */
    public Integer exitCode() {
        return view.exitStatus();
    }

    /** @return whether the command exited with 0 */
    public boolean success() {
        return view.exitStatus() != null && view.exitStatus() == 0;
    }

    /** @return whether the command exited with a code other than 0 */
    public boolean failed() {
        return view.exitStatus() != null && view.exitStatus() != 0;
    }

    /** @return the final execution view as the server sent it (its output may be a tail only) */
    public DevboxAsyncExecutionDetailView raw() {
        return view;
    }

    /** @return all of stdout; reads the whole stream when the server's tail was cut (blocking) */
    public String stdout() {
        return now(stdoutAsync(), "ExecutionResult.stdout");
    }

    /**
     * @param lines how many trailing lines
     * @return the last lines of stdout, joined by {@code \n}, trailing newlines trimmed (blocking)
     */
    public String stdout(int lines) {
        return now(stdoutAsync(lines), "ExecutionResult.stdout");
    }

    /** @return all of stderr; reads the whole stream when the server's tail was cut (blocking) */
    public String stderr() {
        return now(stderrAsync(), "ExecutionResult.stderr");
    }

    /**
     * @param lines how many trailing lines
     * @return the last lines of stderr (blocking)
     */
    public String stderr(int lines) {
        return now(stderrAsync(lines), "ExecutionResult.stderr");
    }

    /** @return all of stdout, without blocking */
    public CompletableFuture<String> stdoutAsync() {
        return text(true, -1);
    }

    /**
     * @param lines how many trailing lines
     * @return the last lines of stdout, without blocking
     */
    public CompletableFuture<String> stdoutAsync(int lines) {
        return text(true, checkLines(lines));
    }

    /** @return all of stderr, without blocking */
    public CompletableFuture<String> stderrAsync() {
        return text(false, -1);
    }

    /**
     * @param lines how many trailing lines
     * @return the last lines of stderr, without blocking
     */
    public CompletableFuture<String> stderrAsync(int lines) {
        return text(false, checkLines(lines));
    }

    /** Answers at once when the text is at hand (safe on any thread); waits only when it must be read. */
    private static String now(CompletableFuture<String> text, String operation) {
        return text.isDone() && !text.isCompletedExceptionally() ? text.join() : Blocking.join(text, operation);
    }

    private static int checkLines(int lines) {
        if (lines <= 0) {
            throw new IllegalArgumentException("lines must be positive but was " + lines);
        }
        return lines;
    }

    private CompletableFuture<String> text(boolean stdout, int lines) {
        String full = stdout ? fullStdout : fullStderr;
        if (full != null) {
            return CompletableFuture.completedFuture(lines < 0 ? full : lastLines(full, lines));
        }
        String tail = nullToEmpty(stdout ? view.stdout() : view.stderr());
        boolean truncated = Boolean.TRUE.equals(stdout ? view.stdoutTruncated() : view.stderrTruncated());
        if (!truncated) {
            return CompletableFuture.completedFuture(lines < 0 ? tail : lastLines(tail, lines));
        }
        if (lines > 0 && countLines(tail) >= lines) {
            return CompletableFuture.completedFuture(lastLines(tail, lines));
        }
        return Outputs.readAll(ctx, view.devboxId(), view.executionId(), stdout).thenApply(all -> {
            if (stdout) {
                fullStdout = all;
            } else {
                fullStderr = all;
            }
            return lines < 0 ? all : lastLines(all, lines);
        });
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int countLines(String text) {
        String t = trimTrailingNewlines(text);
        return t.isEmpty() ? 0 : (int) t.chars().filter(c -> c == '\n').count() + 1;
    }

    private static String trimTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    static String lastLines(String text, int n) {
        String t = trimTrailingNewlines(text);
        if (t.isEmpty()) {
            return "";
        }
        String[] all = t.split("\n", -1);
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - n), all.length));
    }

    @Override
    public String toString() {
        return "ExecutionResult{devboxId=" + devboxId() + ", executionId=" + executionId() + ", exitCode=" + exitCode() + '}';
    }
}
