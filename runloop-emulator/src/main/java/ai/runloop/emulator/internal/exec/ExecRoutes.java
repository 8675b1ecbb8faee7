package ai.runloop.emulator.internal.exec;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.devbox.Devbox;
import ai.runloop.emulator.internal.devbox.DevboxLifecycle;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Replies;
import ai.runloop.emulator.internal.util.LongPoll;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Command execution endpoints: execute (sync, async, optimistic), inspect, wait, kill, stdin, SSE output. */
public final class ExecRoutes implements Api {
    private static final Set<String> EXEC_STATUSES = Set.of(Execution.QUEUED, Execution.RUNNING, Execution.COMPLETED);
    private static final String EXEC = "/v1/devboxes/:id/executions/:eid";

    private final Backend b;
    private final DevboxLifecycle lifecycle;

    /** @param backend emulator @param lifecycle for idle timers */
    public ExecRoutes(Backend backend, DevboxLifecycle lifecycle) {
        this.b = backend;
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(Router r) {
        Api.raw(r, POST, "/v1/devboxes/:id/execute", this::execute);
        Api.json(r, POST, "/v1/devboxes/:id/execute_async", ctx -> {
            JsonObject body = Params.body(ctx);
            Execution e = start(ctx, body, Params.optBool(body, "attach_stdin", false), null);
            return ExecViews.async(e, lastN(ctx));
        });
        Api.raw(r, POST, "/v1/devboxes/:id/execute_sync", ctx -> {
            JsonObject body = Params.body(ctx);
            Execution e = start(ctx, body, false, null);
            LongPoll.await(ctx, e.watchers(), () -> Execution.COMPLETED.equals(e.status()), Long.MAX_VALUE / 4,
                    () -> Replies.json(ctx, ExecViews.detail(e)), () -> Replies.json(ctx, ExecViews.detail(e)));
        });
        Api.json(r, GET, EXEC, ctx -> ExecViews.async(execution(ctx), lastN(ctx)));
        Api.raw(r, POST, EXEC + "/wait_for_status", this::waitForStatus);
        Api.raw(r, POST, EXEC + "/kill", ctx -> {
            Execution e = execution(ctx);
            // kill_process_group is accepted; the command's shell and its children always end together here,
            // because /bin/sh -c keeps the output pipes open through its children
            Params.optBool(Params.body(ctx), "kill_process_group", false);
            e.requestKill();
            Process p = e.process();
            if (p != null && p.isAlive()) {
                b.exec.runner().kill(p, true);
            }
            LongPoll.await(ctx, e.watchers(), () -> Execution.COMPLETED.equals(e.status()), 5_000,
                    () -> Replies.json(ctx, ExecViews.async(e, lastN(ctx))), () -> Replies.json(ctx, ExecViews.async(e, lastN(ctx))));
        });
        Api.raw(r, POST, EXEC + "/send_std_in", this::sendStdIn);
        Api.raw(r, GET, EXEC + "/stream_stdout_updates", ctx -> stream(ctx, true));
        Api.raw(r, GET, EXEC + "/stream_stderr_updates", ctx -> stream(ctx, false));
    }

    private void execute(RoutingContext ctx) {
        JsonObject body = Params.body(ctx);
        if (body.containsKey("attach_stdin")) {
            throw ApiException.badRequest("attach_stdin", "attach_stdin is not accepted by execute; use execute_async");
        }
        String commandId = Params.optString(body, "command_id");
        Execution e = start(ctx, body, false, commandId);
        Double optimistic = Params.optNumber(body, "optimistic_timeout");
        long hold = optimistic == null ? 25_000 : (long) (Math.max(0, Math.min(25, optimistic)) * 1000);
        int lastN = lastN(ctx);
        Runnable reply = () -> Replies.json(ctx, ExecViews.async(e, lastN));
        LongPoll.await(ctx, e.watchers(), () -> Execution.COMPLETED.equals(e.status()), hold, reply, reply);
    }

    private Execution start(RoutingContext ctx, JsonObject body, boolean attachStdin, String commandId) {
        Devbox d = b.devboxes.get(ctx.pathParam("id"));
        String command = Params.requiredString(body, "command");
        String shell = Params.optString(body, "shell_name");
        DevboxLifecycle.requireStatus(d, "running", "execute on");
        lifecycle.touch(d);
        return b.exec.start(d, command, shell, attachStdin, commandId);
    }

    private void waitForStatus(RoutingContext ctx) {
        Execution e = execution(ctx);
        JsonObject body = Params.body(ctx);
        List<String> statuses = Params.stringList(body, "statuses");
        if (statuses.isEmpty()) {
            throw ApiException.badRequest("statuses", "statuses is required");
        }
        for (String s : statuses) {
            if (!EXEC_STATUSES.contains(s)) {
                throw ApiException.badRequest("statuses", "unknown execution status: " + s);
            }
        }
        long hold = b.config.executionWaitHold().toMillis();
        Double timeout = Params.optNumber(body, "timeout_seconds");
        if (timeout != null) {
            if (timeout < 0) {
                throw ApiException.badRequest("timeout_seconds", "timeout_seconds must not be negative");
            }
            hold = Math.min(hold, (long) (timeout * 1000));
        }
        int lastN = lastN(ctx);
        LongPoll.await(ctx, e.watchers(), () -> statuses.contains(e.status()), hold,
                () -> Replies.json(ctx, ExecViews.async(e, lastN)),
                () -> Replies.error(ctx, new ApiException(408, "execution " + e.id() + " is still " + e.status()
                        + " after the wait; poll again", null)));
    }

    private void sendStdIn(RoutingContext ctx) {
        Execution e = execution(ctx);
        JsonObject body = Params.body(ctx);
        String text = Params.optString(body, "text");
        String signal = Params.optString(body, "signal");
        if (signal != null && !signal.equals("EOF") && !signal.equals("INTERRUPT")) {
            throw ApiException.badRequest("signal", "signal must be EOF or INTERRUPT");
        }
        if (!e.attachStdin()) {
            throw ApiException.badRequest("execution_id", "execution was not started with attach_stdin=true");
        }
        if (Execution.COMPLETED.equals(e.status())) {
            throw ApiException.conflict("execution " + e.id() + " has completed");
        }
        // input sent while the command still waits for its process must not be lost: wait for the start
        LongPoll.await(ctx, e.watchers(), () -> e.process() != null || Execution.COMPLETED.equals(e.status()),
                b.config.executionWaitHold().toMillis(), () -> deliverStdIn(ctx, e, text, signal),
                () -> Replies.error(ctx, new ApiException(408, "execution " + e.id() + " has not started yet; retry", null)));
    }

    private void deliverStdIn(RoutingContext ctx, Execution e, String text, String signal) {
        b.vertx.executeBlocking(() -> {
            OutputStream in = e.stdin();
            if (text != null && in != null) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            if ("EOF".equals(signal) && in != null) {
                in.close();
            }
            if ("INTERRUPT".equals(signal) && e.process() != null) {
                new ProcessBuilder("kill", "-INT", String.valueOf(e.process().pid())).start().waitFor();
                b.exec.runner().signalGroup(e.process(), "INT");
            }
            return in != null || "INTERRUPT".equals(signal);
        }, false).onComplete(res -> {
            boolean ok = res.succeeded() && Boolean.TRUE.equals(res.result());
            if (!ok && !(res.cause() instanceof IOException)) {
                ctx.fail(res.cause());
                return;
            }
            Replies.json(ctx, ExecViews.stdin(e, ok));
        });
    }

    private void stream(RoutingContext ctx, boolean stdout) {
        Execution e = execution(ctx);
        long offset = Params.queryLong(ctx, "offset", 0, 0, Long.MAX_VALUE);
        SseOutput.stream(ctx, stdout ? e.stdout() : e.stderr(), offset);
    }

    private Execution execution(RoutingContext ctx) {
        Devbox d = b.devboxes.get(ctx.pathParam("id"));
        Execution e = b.exec.get(ctx.pathParam("eid"));
        if (e == null || !e.devboxId().equals(d.id())) {
            throw ApiException.notFound("execution", ctx.pathParam("eid"));
        }
        return e;
    }

    private static int lastN(RoutingContext ctx) {
        return (int) Params.queryLong(ctx, "last_n", 100, 0, Integer.MAX_VALUE);
    }
}
