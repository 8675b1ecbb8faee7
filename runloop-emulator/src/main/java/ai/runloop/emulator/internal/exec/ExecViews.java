package ai.runloop.emulator.internal.exec;

import io.vertx.core.json.JsonObject;

/** JSON views of executions. */
public final class ExecViews {
    private ExecViews() {
    }

    /** @param e execution @param lastN lines of output to include @return DevboxAsyncExecutionDetailView */
    public static JsonObject async(Execution e, int lastN) {
        OutputLog.Tail out = e.stdout().tail(lastN);
        OutputLog.Tail err = e.stderr().tail(lastN);
        return new JsonObject().put("devbox_id", e.devboxId()).put("execution_id", e.id()).put("status", e.status())
                .put("exit_status", e.exitStatus()).put("shell_name", e.shellName())
                .put("stdout", out.text()).put("stdout_truncated", out.truncated())
                .put("stderr", err.text()).put("stderr_truncated", err.truncated());
    }

    /** @param e completed execution @return DevboxExecutionDetailView with the whole output */
    public static JsonObject detail(Execution e) {
        return new JsonObject().put("devbox_id", e.devboxId()).put("exit_status", e.exitStatus())
                .put("stdout", e.stdout().text()).put("stderr", e.stderr().text()).put("shell_name", e.shellName());
    }
}
