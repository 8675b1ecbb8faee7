package ai.runloop.emulator.internal.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs commands for devboxes as local {@code /bin/sh -c} processes: plain ones at once, ones naming a
 * shell one after the other in that {@link ShellSession}. Keeps every execution for later lookup,
 * and maps a client's {@code command_id} to its execution so a repeated execute starts nothing new.
 */
public final class ExecService implements AutoCloseable {
    private static final Set<String> VOLATILE_VARS = Set.of("PWD", "OLDPWD", "SHLVL", "_");

    private final ProcessRunner runner;
    private final Path stateDir;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, Execution> byCommandId = new ConcurrentHashMap<>();
    private final Map<String, ShellSession> shells = new ConcurrentHashMap<>();

    /**
     * @param runner process runner
     * @param stateDir folder for the shells' saved state (outside every devbox)
     */
    public ExecService(ProcessRunner runner, Path stateDir) {
        this.runner = runner;
        this.stateDir = stateDir;
    }

    /** @return the process runner */
    public ProcessRunner runner() {
        return runner;
    }

    /**
     * Starts (or, for a known command id, finds) an execution.
     *
     * @param target the devbox
     * @param command the shell command line
     * @param shellName named shell or null
     * @param attachStdin keep stdin open for send_std_in
     * @param commandId client-chosen idempotency id or null
     * @return the execution
     */
    public Execution start(ExecTarget target, String command, String shellName, boolean attachStdin, String commandId) {
        if (commandId != null) {
            String key = target.id() + "/" + commandId;
            Execution[] created = new Execution[1];
            Execution ex = byCommandId.computeIfAbsent(key, k -> created[0] = newExecution(target, command, shellName, attachStdin));
            if (created[0] != null) {
                launch(target, created[0]);
            }
            return ex;
        }
        Execution ex = newExecution(target, command, shellName, attachStdin);
        launch(target, ex);
        return ex;
    }

    /** @param executionId id @return the execution or null */
    public Execution get(String executionId) {
        return executions.get(executionId);
    }

    /** @param devboxId devbox @return every execution of the devbox */
    public List<Execution> ofDevbox(String devboxId) {
        return executions.values().stream().filter(e -> e.devboxId().equals(devboxId)).toList();
    }

    /**
     * Kills every running execution of a devbox (on shutdown or suspend).
     *
     * @param devboxId the devbox
     */
    public void killAll(String devboxId) {
        for (Execution e : ofDevbox(devboxId)) {
            Process p = e.process();
            if (p != null && p.isAlive()) {
                runner.kill(p, true);
            }
        }
    }

    private Execution newExecution(ExecTarget target, String command, String shellName, boolean attachStdin) {
        String id = "exe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Execution ex = new Execution(id, target.id(), command, shellName, attachStdin);
        executions.put(id, ex);
        return ex;
    }

    private void launch(ExecTarget target, Execution ex) {
        target.log("exec", ex, "start: " + ex.command());
        ex.done().thenAccept(e -> target.log("exec", e, "exit " + e.exitStatus()));
        if (ex.shellName() == null) {
            runner.submit(() -> startPlain(target, ex));
            return;
        }
        ShellSession shell = shells.computeIfAbsent(target.id() + "/" + ex.shellName(),
                k -> new ShellSession(ex.shellName(), target.home(), target.environment()));
        synchronized (shell) {
            shell.queue.add(() -> startInShell(target, shell, ex));
            if (!shell.busy) {
                shell.busy = true;
                runner.submit(shell.queue.poll());
            }
        }
    }

    private void startPlain(ExecTarget target, Execution ex) {
        try {
            runner.start(ex, List.of("/bin/sh", "-c", ex.command()), target.home(), target.environment());
        } catch (IOException e) {
            failToStart(ex, e);
        }
    }

    private void startInShell(ExecTarget target, ShellSession shell, Execution ex) {
        Path state = stateDir.resolve(ex.id());
        Map<String, String> env;
        Path cwd;
        synchronized (shell) {
            env = new HashMap<>(shell.env);
            cwd = Files.isDirectory(shell.cwd) ? shell.cwd : target.home();
        }
        env.put("__RL_CMD", ex.command());
        env.put("__RL_STATE", state.toString());
        try {
            runner.start(ex, List.of("/bin/sh", "-c", ShellSession.SCRIPT), cwd, env)
                    .whenComplete((e, t) -> afterShellCommand(shell, state));
        } catch (IOException e) {
            failToStart(ex, e);
            afterShellCommand(shell, state);
        }
    }

    private void afterShellCommand(ShellSession shell, Path state) {
        Path cwdFile = Path.of(state + ".cwd");
        Path envFile = Path.of(state + ".env");
        try {
            if (Files.exists(cwdFile) && Files.exists(envFile)) {
                String cwd = Files.readString(cwdFile, StandardCharsets.UTF_8).strip();
                Map<String, String> env = new HashMap<>();
                for (String pair : Files.readString(envFile, StandardCharsets.UTF_8).split("\0")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && !VOLATILE_VARS.contains(pair.substring(0, eq)) && !pair.startsWith("__rl")) {
                        env.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                synchronized (shell) {
                    shell.cwd = Path.of(cwd);
                    shell.env.clear();
                    shell.env.putAll(env);
                }
            }
            Files.deleteIfExists(cwdFile);
            Files.deleteIfExists(envFile);
        } catch (IOException | RuntimeException e) {
            // keep the previous state
        }
        synchronized (shell) {
            Runnable next = shell.queue.poll();
            if (next == null) {
                shell.busy = false;
            } else {
                runner.submit(next);
            }
        }
    }

    private static void failToStart(Execution ex, IOException e) {
        byte[] msg = ("cannot start command: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        ex.stderr().append(msg, 0, msg.length);
        ex.complete(127);
    }

    /** Ends every process. */
    @Override
    public void close() {
        runner.close();
    }
}
