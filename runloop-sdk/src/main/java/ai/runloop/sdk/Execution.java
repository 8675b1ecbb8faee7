package ai.runloop.sdk;

import ai.runloop.api.PollingConfig;
import ai.runloop.model.devboxes.DevboxAsyncExecutionDetailView;
import ai.runloop.model.devboxes.DevboxSendStdInResult;
import ai.runloop.sdk.internal.Blocking;

/** A command started on a devbox (blocking flavour; wraps an {@link AsyncExecution}). */
public final class Execution {
    private final AsyncExecution async;

    Execution(AsyncExecution async) {
        this.async = async;
    }

    /** @return the asynchronous twin of this handle */
    public AsyncExecution async() {
        return async;
    }

    /** @return the execution id */
    public String executionId() {
        return async.executionId();
    }

    /** @return the devbox the command runs on */
    public String devboxId() {
        return async.devboxId();
    }

    /** @return the current view of the execution */
    public DevboxAsyncExecutionDetailView getState() {
        return Blocking.call("Execution.getState", () -> async.getState());
    }

    /** @return the result, waiting for completion and for the output streams to end */
    public ExecutionResult result() {
        return Blocking.call("Execution.result", () -> async.result());
    }

    /**
     * @param polling how long to wait
     * @return the result
     */
    public ExecutionResult result(PollingConfig polling) {
        return Blocking.call("Execution.result", () -> async.result(polling));
    }

    /** @return the view after killing the command */
    public DevboxAsyncExecutionDetailView kill() {
        return Blocking.call("Execution.kill", () -> async.kill());
    }

    /**
     * @param processGroup kill the whole process group
     * @return the view after the kill
     */
    public DevboxAsyncExecutionDetailView kill(boolean processGroup) {
        return Blocking.call("Execution.kill", () -> async.kill(processGroup));
    }

    /**
     * @param text text to write to stdin
     * @return the server's answer
     */
    public DevboxSendStdInResult sendStdIn(String text) {
        return Blocking.call("Execution.sendStdIn", () -> async.sendStdIn(text));
    }

    /** @return the server's answer after closing stdin */
    public DevboxSendStdInResult closeStdIn() {
        return Blocking.call("Execution.closeStdIn", () -> async.closeStdIn());
    }

    @Override
    public String toString() {
        return "Execution{" + executionId() + " on " + devboxId() + '}';
    }
}
