package ai.runloop.emulator.internal.exec;

import ai.runloop.emulator.internal.util.Watchers;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/** One command run on a devbox: its status, exit code and captured output. Thread-safe. */
public final class Execution {
    /** Status before the process starts (e.g. waiting for its named shell). */
    public static final String QUEUED = "queued";
    /** Status while the process runs. */
    public static final String RUNNING = "running";
    /** Status once the process ended and its output was read to the end. */
    public static final String COMPLETED = "completed";

    private final String id;
    private final String devboxId;
    private final String command;
    private final String shellName;
    private final boolean attachStdin;
    private final OutputLog stdout = new OutputLog();
    private final OutputLog stderr = new OutputLog();
    private final Watchers watchers = new Watchers();
    private final CompletableFuture<Execution> done = new CompletableFuture<>();
    private volatile String status = QUEUED;
    private volatile Integer exitStatus;
    private volatile Process process;
    private volatile boolean killRequested;
    private volatile OutputStream stdin;

    Execution(String id, String devboxId, String command, String shellName, boolean attachStdin) {
        this.id = id;
        this.devboxId = devboxId;
        this.command = command;
        this.shellName = shellName;
        this.attachStdin = attachStdin;
    }

    /** @return execution id */
    public String id() {
        return id;
    }

    /** @return devbox id */
    public String devboxId() {
        return devboxId;
    }

    /** @return the command line */
    public String command() {
        return command;
    }

    /** @return the named shell, or null */
    public String shellName() {
        return shellName;
    }

    /** @return true when stdin can be sent */
    public boolean attachStdin() {
        return attachStdin;
    }

    /** @return queued, running or completed */
    public String status() {
        return status;
    }

    /** @return exit code once completed, else null */
    public Integer exitStatus() {
        return exitStatus;
    }

    /** @return captured stdout */
    public OutputLog stdout() {
        return stdout;
    }

    /** @return captured stderr */
    public OutputLog stderr() {
        return stderr;
    }

    /** @return listeners told about status changes */
    public Watchers watchers() {
        return watchers;
    }

    /** @return completes when the execution completed */
    public CompletableFuture<Execution> done() {
        return done;
    }

    /** Asks for the process to be killed, even if it has not started yet (it is then killed on start). */
    public void requestKill() {
        killRequested = true;
    }

    /** @return true once {@link #requestKill()} was called */
    public boolean killRequested() {
        return killRequested;
    }

    /** @return the running process, or null */
    public Process process() {
        return process;
    }

    /** @return the process's stdin when attached, else null */
    public OutputStream stdin() {
        return stdin;
    }

    void markRunning(Process p) {
        this.process = p;
        if (attachStdin) {
            this.stdin = p.getOutputStream();
        }
        this.status = RUNNING;
        watchers.fire();
    }

    void complete(int exit) {
        stdout.close();
        stderr.close();
        this.exitStatus = exit;
        this.status = COMPLETED;
        watchers.fire();
        done.complete(this);
    }
}
