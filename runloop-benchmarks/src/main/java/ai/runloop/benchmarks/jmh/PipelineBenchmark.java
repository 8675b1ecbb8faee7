package ai.runloop.benchmarks.jmh;

import ai.runloop.api.RunloopClient;
import ai.runloop.benchmarks.Fixtures;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.api.spi.Headers;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost the pipeline adds to one call, without I/O: {@code devboxes().retrieve(id)} through a
 * transport that answers a fixed devbox at once. Includes encoding, headers, retry bookkeeping and
 * decoding the answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
    private final RunloopClient client = RunloopClient.builder().apiKey("bench-key").baseUrl("http://127.0.0.1:9")
            .environment(java.util.Map.of()).transport(new NoIoTransport()).build();

    /** A transport that answers the fixed devbox at once, without I/O. */
    public static final class NoIoTransport implements HttpTransport {
        private final byte[] body = Fixtures.devboxJson();
        private final Headers headers = Headers.builder().set("content-type", "application/json").build();

        @Override
        public CompletableFuture<HttpResponse> send(HttpRequest request) {
            return CompletableFuture.completedFuture(HttpResponse.buffered(200, headers, body));
        }

        @Override
        public void close() {
        }
    }

    /** @return the decoded view, waiting on the calling thread */
    @Benchmark
    public DevboxView retrieveBlocking() {
        return client.devboxes().retrieve(Fixtures.DEVBOX_ID);
    }

    /** @return the decoded view through the async flavour */
    @Benchmark
    public DevboxView retrieveAsync() {
        return client.devboxes().async().retrieve(Fixtures.DEVBOX_ID).join();
    }

    /** Closes the client. */
    @TearDown
    public void close() {
        client.close();
    }
}
