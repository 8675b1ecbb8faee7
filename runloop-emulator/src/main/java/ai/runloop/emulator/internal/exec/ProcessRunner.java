package ai.runloop.emulator.internal.exec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts local processes and copies their output into {@link OutputLog}s on its own daemon threads
 * (never on an event loop). Remembers live processes so {@link #close()} can end them all.
 */
public final class ProcessRunner implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runloop-emulator-io-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    /**
     * {@code setsid}, when this machine has it: each command then leads its own process group, so a
     * kill reaches every process of the command, even one its shell forked a moment before.
     */
    private static final String SETSID = java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(f -> new File(f).canExecute()).findFirst().orElse(null);

    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    /**
     * Starts {@code argv} and completes the execution when the process ended and both output
     * streams were read to the end.
     *
     * @param execution the execution to fill
     * @param argv command and arguments
     * @param dir working directory
     * @param env complete environment
     * @return completes after the execution completed
     * @throws IOException when the process cannot start
     */
    public CompletableFuture<Execution> start(Execution execution, List<String> argv, Path dir,
            Map<String, String> env) throws IOException {
        List<String> command = argv;
        if (SETSID != null) {
            command = new java.util.ArrayList<>(argv);
            command.add(0, SETSID);
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        if (!execution.attachStdin()) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p = pb.start();
        live.add(p);
        execution.markRunning(p);
        if (execution.killRequested()) {
            kill(p, true); // a kill that arrived while the command waited to start
        }
        CompletableFuture<Void> out = CompletableFuture.runAsync(() -> pump(p.getInputStream(), execution.stdout()), pumps);
        CompletableFuture<Void> err = CompletableFuture.runAsync(() -> pump(p.getErrorStream(), execution.stderr()), pumps);
        CompletableFuture.allOf(out, err, p.onExit()).whenComplete((v, t) -> {
            live.remove(p);
            execution.complete(p.exitValue());
        });
        return execution.done();
    }

    /**
     * Runs a blocking task on the I/O threads.
     *
     * @param task the task
     */
    public void submit(Runnable task) {
        pumps.execute(task);
    }

    private static void pump(InputStream in, OutputLog log) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    log.append(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process went away; what was read is kept
        }
    }

    /**
     * Ends a process (and optionally its descendants) with SIGTERM, then SIGKILL if it lingers.
     *
     * @param p the process
     * @param withDescendants also end its children
     */
    public void kill(Process p, boolean withDescendants) {
        if (withDescendants) {
            signalGroup(p, "TERM");
            p.descendants().forEach(ProcessHandle::destroy);
        }
        p.destroy();
        p.onExit().orTimeout(2, TimeUnit.SECONDS).exceptionally(t -> {
            signalGroup(p, "KILL");
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return p;
        });
    }

    /**
     * Signals the process group the command leads (see {@link #SETSID}), on a runner thread.
     *
     * @param p the command's process
     * @param signal signal name, e.g. {@code INT}
     */
    public void signalGroup(Process p, String signal) {
        if (SETSID == null) {
            return;
        }
        Runnable send = () -> {
            try {
                new ProcessBuilder("kill", "-" + signal, "--", "-" + p.pid()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // the direct destroy below still ends the command's own process
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        if (pumps.isShutdown()) {
            send.run();
        } else {
            pumps.execute(send);
        }
    }

    /** Ends every live process and its children, waits briefly for them, and stops the threads. */
    @Override
    public void close() {
        pumps.shutdown();
        for (Process p : live) {
            signalGroup(p, "KILL");
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : live) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pumps.shutdownNow();
    }
}
