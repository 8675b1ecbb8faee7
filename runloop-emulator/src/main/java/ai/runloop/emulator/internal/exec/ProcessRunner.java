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
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
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
            p.descendants().forEach(ProcessHandle::destroy);
        }
        p.destroy();
        p.onExit().orTimeout(2, TimeUnit.SECONDS).exceptionally(t -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return p;
        });
    }

    /** Ends every live process and its children, waits briefly for them, and stops the threads. */
    @Override
    public void close() {
        for (Process p : live) {
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
