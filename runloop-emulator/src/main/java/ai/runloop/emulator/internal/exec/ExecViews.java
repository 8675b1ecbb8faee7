package ai.runloop.emulator.internal.exec;

import ai.runloop.emulator.internal.server.Wire;
import ai.runloop.model.devboxes.DevboxAsyncExecutionDetailView;
import ai.runloop.model.devboxes.DevboxExecutionDetailView;
import ai.runloop.model.devboxes.DevboxSendStdInResult;
import ai.runloop.model.devboxes.ExecutionStatus;
import io.vertx.core.json.JsonObject;

/** JSON views of executions, written from the API's model records. */
public final class ExecViews {
    private ExecViews() {
    }

    /** @param e execution @param lastN lines of output to include @return DevboxAsyncExecutionDetailView */
    public static JsonObject async(Execution e, int lastN) {
        OutputLog.Tail out = e.stdout().tail(lastN);
        OutputLog.Tail err = e.stderr().tail(lastN);
        return Wire.json(DevboxAsyncExecutionDetailView.builder().devboxId(e.devboxId()).executionId(e.id())
                .status(ExecutionStatus.of(e.status())).exitStatus(e.exitStatus()).shellName(e.shellName())
                .stdout(out.text()).stdoutTruncated(out.truncated()).stderr(err.text()).stderrTruncated(err.truncated()).build());
    }

    /** @param e completed execution @return DevboxExecutionDetailView with the whole output */
    public static JsonObject detail(Execution e) {
        return Wire.json(DevboxExecutionDetailView.builder().devboxId(e.devboxId()).exitStatus(e.exitStatus())
                .stdout(e.stdout().text()).stderr(e.stderr().text()).shellName(e.shellName()).build());
    }

    /** @param e execution @param success whether the input was delivered @return DevboxSendStdInResult */
    public static JsonObject stdin(Execution e, boolean success) {
        return Wire.json(DevboxSendStdInResult.builder().devboxId(e.devboxId()).executionId(e.id()).success(success).build());
    }
}
