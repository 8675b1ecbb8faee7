package ai.runloop.benchmarks.load;

import java.util.Arrays;

/**
 * One measured run.
 *
 * @param target         what was measured
 * @param concurrency    requests in flight
 * @param requests       requests completed
 * @param seconds        wall time
 * @param latenciesNanos per-request latencies
 * @param allocatedBytes bytes allocated by all threads during the run
 * @param failures       requests that failed
 */
public record LoadResult(String target, int concurrency, int requests, double seconds, long[] latenciesNanos,
                         long allocatedBytes, int failures) {

    /** @return requests per second */
    public double throughput() {
        return requests / seconds;
    }

    /**
     * @param fraction 0.5 for the median
     * @return the latency at that fraction, in microseconds
     */
    public double percentileMicros(double fraction) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    /** @return allocated bytes per request */
    public long bytesPerRequest() {
        return allocatedBytes / Math.max(1, requests);
    }

    /** @return a Markdown table row */
    public String row() {
        return String.format("| %-22s | %3d | %10.0f | %9.1f | %9.1f | %8d | %d |", target, concurrency, throughput(),
                percentileMicros(0.5), percentileMicros(0.99), bytesPerRequest(), failures);
    }

    /** @return the header of {@link #row()} tables */
    public static String header() {
        return "| target                 |   c |      req/s |  p50 (µs) |  p99 (µs) | B/req    | failures |\n"
                + "|---|---|---|---|---|---|---|";
    }
}
