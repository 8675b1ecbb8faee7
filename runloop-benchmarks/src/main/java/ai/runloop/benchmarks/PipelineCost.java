package ai.runloop.benchmarks;

import ai.runloop.benchmarks.jmh.PipelineBenchmark;
import ai.runloop.sdk.AsyncDevbox;
import ai.runloop.sdk.AsyncRunloopSDK;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The CPU time and bytes that one SDK {@code getInfo()} (REST retrieve) costs without I/O, on one
 * thread: a steadier figure than wall time on a shared machine, because time other processes take
 * from this thread is not counted. Used to check each pipeline fix; JMH's {@code PipelineBenchmark}
 * measures the same call in wall time.
 *
 * <p>{@code java -cp runloop-benchmarks/target/benchmarks.jar ai.runloop.benchmarks.PipelineCost [calls] [rounds]}
 */
public final class PipelineCost {
    private PipelineCost() {
    }

    /** @param args calls per round (default 200000) and rounds (default 5) */
    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        try (AsyncRunloopSDK sdk = AsyncRunloopSDK.builder().environment(Map.of()).apiKey("bench-key")
                .baseUrl("http://127.0.0.1:9").transport(new PipelineBenchmark.NoIoTransport()).build()) {
            AsyncDevbox devbox = sdk.devbox().fromId(Fixtures.DEVBOX_ID);
            for (int r = 0; r < rounds; r++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getThreadAllocatedBytes(self);
                long sink = 0;
                for (int i = 0; i < calls; i++) {
                    sink += devbox.getInfo().join().id().length();
                }
                double nsPerCall = (threads.getCurrentThreadCpuTime() - cpu) / (double) calls;
                long bytesPerCall = (threads.getThreadAllocatedBytes(self) - bytes) / calls;
                System.out.printf("round %d: %.2f µs CPU and %d bytes per getInfo() (%d)%n", r + 1, nsPerCall / 1000,
                        bytesPerCall, sink % 7);
            }
        }
    }
}
