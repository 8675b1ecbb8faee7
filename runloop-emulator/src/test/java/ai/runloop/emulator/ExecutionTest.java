package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.emulator.junit.RunloopEmulatorTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@RunloopEmulatorTest
class ExecutionTest {
    static Http http;
    static String devbox;

    @BeforeAll
    static void devbox(RunloopEmulator emulator) {
        http = new Http(emulator);
        devbox = http.runningDevbox(new JsonObject().put("environment_variables", new JsonObject().put("NAME", "box")))
                .getString("id");
    }

    /** Parses the SSE body into chunks. */
    static List<JsonObject> chunks(String body) {
        List<JsonObject> out = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            if (event.startsWith("data: ")) {
                out.add(new JsonObject(event.substring(6)));
            }
        }
        return out;
    }

    @Test
    void executeRunsInTheDevboxFolderWithItsEnvironment() {
        JsonObject r = http.postOk("/v1/devboxes/" + devbox + "/execute", new JsonObject()
                .put("command", "echo $NAME; pwd; echo oops >&2; exit 4").put("command_id", UUID.randomUUID().toString()));
        assertEquals("completed", r.getString("status"));
        assertEquals(4, r.getInteger("exit_status"));
        String[] lines = r.getString("stdout").split("\n");
        assertEquals("box", lines[0]);
        assertTrue(lines[1].endsWith(devbox), lines[1]);
        assertEquals("oops\n", r.getString("stderr"));
    }

    @Test
    void executeIsIdempotentOnCommandId() {
        String cid = UUID.randomUUID().toString();
        JsonObject body = new JsonObject().put("command", "echo x >> counter.txt").put("command_id", cid);
        JsonObject first = http.postOk("/v1/devboxes/" + devbox + "/execute", body);
        JsonObject second = http.postOk("/v1/devboxes/" + devbox + "/execute", body);
        assertEquals(first.getString("execution_id"), second.getString("execution_id"));
        JsonObject count = http.exec(devbox, "wc -l < counter.txt", null);
        assertEquals("1", count.getString("stdout").trim());
    }

    @Test
    void lastNLimitsTheTailAndFlagsTruncation() {
        JsonObject r = http.exec(devbox, "for i in 1 2 3 4 5; do echo $i; done", null);
        JsonObject tail = http.getOk("/v1/devboxes/" + devbox + "/executions/" + r.getString("execution_id") + "?last_n=2");
        assertEquals("4\n5\n", tail.getString("stdout"));
        assertTrue(tail.getBoolean("stdout_truncated"));
    }

    @Test
    void streamsStdoutAndResumesFromTheLastOffsetWithoutLossOrDuplicate() {
        JsonObject r = http.exec(devbox, "printf 'héllo '; printf 'wörld\\n'; printf 'more\\n'", null);
        String base = "/v1/devboxes/" + devbox + "/executions/" + r.getString("execution_id") + "/stream_stdout_updates";
        HttpResponse<String> all = http.send(http.request(base).header("Accept", "text/event-stream").GET().build());
        assertEquals(200, all.statusCode());
        assertTrue(all.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<JsonObject> chunks = chunks(all.body());
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.getString("output")));
        assertEquals("héllo wörld\nmore\n", text.toString());
        long total = "héllo wörld\nmore\n".getBytes(StandardCharsets.UTF_8).length;
        assertEquals(total, chunks.get(chunks.size() - 1).getLong("offset"));

        // resume from a byte offset in the middle: exactly the remaining bytes come back
        int cut = "héllo ".getBytes(StandardCharsets.UTF_8).length;
        StringBuilder resumed = new StringBuilder();
        chunks(http.get(base + "?offset=" + cut).body()).forEach(c -> resumed.append(c.getString("output")));
        assertEquals("wörld\nmore\n", resumed.toString());
        // resuming from the last offset seen yields nothing more
        assertTrue(chunks(http.get(base + "?offset=" + total).body()).isEmpty());
    }

    @Test
    void streamsLiveOutputOfARunningCommand() {
        JsonObject e = http.postOk("/v1/devboxes/" + devbox + "/execute_async",
                new JsonObject().put("command", "echo one; sleep 0.3; echo two 1>&2; echo three"));
        String id = e.getString("execution_id");
        String out = http.get("/v1/devboxes/" + devbox + "/executions/" + id + "/stream_stdout_updates?offset=0").body();
        StringBuilder text = new StringBuilder();
        chunks(out).forEach(c -> text.append(c.getString("output")));
        assertEquals("one\nthree\n", text.toString());
        String err = http.get("/v1/devboxes/" + devbox + "/executions/" + id + "/stream_stderr_updates").body();
        assertEquals("two\n", chunks(err).get(0).getString("output"));
    }

    @Test
    void namedShellKeepsDirectoryAndEnvironment() {
        String shell = "s-" + UUID.randomUUID();
        http.exec(devbox, "mkdir -p sub/dir && cd sub/dir && export COLOR=blue", shell);
        JsonObject r = http.exec(devbox, "pwd; echo $COLOR", shell);
        String[] lines = r.getString("stdout").split("\n");
        assertTrue(lines[0].endsWith("/sub/dir"), lines[0]);
        assertEquals("blue", lines[1]);
        assertEquals(shell, r.getString("shell_name"));
        JsonObject other = http.exec(devbox, "echo ${COLOR:-none}", null);
        assertEquals("none\n", other.getString("stdout"));
    }

    @Test
    void killEndsALongCommandAndStdinReachesTheProcess() {
        JsonObject e = http.postOk("/v1/devboxes/" + devbox + "/execute_async", new JsonObject().put("command", "sleep 30"));
        JsonObject killed = http.postOk("/v1/devboxes/" + devbox + "/executions/" + e.getString("execution_id") + "/kill",
                new JsonObject());
        assertEquals("completed", killed.getString("status"));
        assertTrue(killed.getInteger("exit_status") != 0);

        JsonObject cat = http.postOk("/v1/devboxes/" + devbox + "/execute_async",
                new JsonObject().put("command", "cat").put("attach_stdin", true));
        String path = "/v1/devboxes/" + devbox + "/executions/" + cat.getString("execution_id");
        assertEquals(true, http.postOk(path + "/send_std_in", new JsonObject().put("text", "piped\n")).getBoolean("success"));
        http.postOk(path + "/send_std_in", new JsonObject().put("signal", "EOF"));
        assertEquals("piped\n", http.awaitExec(devbox, cat.getString("execution_id")).getString("stdout"));
    }

    @Test
    void executionWaitAnswers408WhileRunning(RunloopEmulator emulator) {
        JsonObject e = http.postOk("/v1/devboxes/" + devbox + "/execute_async", new JsonObject().put("command", "sleep 5"));
        HttpResponse<String> r = http.post("/v1/devboxes/" + devbox + "/executions/" + e.getString("execution_id")
                + "/wait_for_status", new JsonObject().put("statuses", new JsonArray().add("completed")).put("timeout_seconds", 0.2));
        assertEquals(408, r.statusCode());
        assertEquals("true", r.headers().firstValue("x-should-retry").orElse(""));
        http.postOk("/v1/devboxes/" + devbox + "/executions/" + e.getString("execution_id") + "/kill", new JsonObject());
    }

    @Test
    void executeSyncReturnsTheWholeOutput() {
        JsonObject r = http.postOk("/v1/devboxes/" + devbox + "/execute_sync", new JsonObject().put("command", "echo sync"));
        assertEquals("sync\n", r.getString("stdout"));
        assertEquals(0, r.getInteger("exit_status"));
    }
}
