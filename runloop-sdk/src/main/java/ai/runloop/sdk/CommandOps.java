package ai.runloop.sdk;

import ai.runloop.sdk.internal.Blocking;

/**
 * Runs commands on a devbox (blocking flavour; wraps {@link AsyncCommandOps}): {@code devbox.cmd()},
 * or {@code devbox.shell(name)} for a persistent shell.
 */
public final class CommandOps {
    private final AsyncCommandOps async;

    CommandOps(AsyncCommandOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncCommandOps async() {
        return async;
    }

    /** @return the devbox */
    public String devboxId() {
        return async.devboxId();
    }

    /** @return the persistent shell, or null */
    public String shellName() {
        return async.shellName();
    }

    /**
     * @param command a shell command line
     * @return the result once it completed
     */
    public ExecutionResult exec(String command) {
        return Blocking.call("exec", () -> async.exec(command));
    }

    /**
     * @param command a shell command line
     * @param options shell, stdin, line callbacks (run on transport threads) and polling
     * @return the result once it completed and its output was delivered
     */
    public ExecutionResult exec(String command, ExecOptions options) {
        return Blocking.call("exec", () -> async.exec(command, options));
    }

    /**
     * @param command a shell command line
     * @return the running execution
     */
    public Execution execAsync(String command) {
        return new Execution(Blocking.call("execAsync", () -> async.execAsync(command)));
    }

    /**
     * @param command a shell command line
     * @param options shell, stdin, line callbacks and polling
     * @return the running execution; callbacks receive its output in the background
     */
    public Execution execAsync(String command, ExecOptions options) {
        return new Execution(Blocking.call("execAsync", () -> async.execAsync(command, options)));
    }

    @Override
    public String toString() {
        return "CommandOps{devbox=" + devboxId() + (shellName() == null ? "" : ", shell=" + shellName()) + '}';
    }
}
