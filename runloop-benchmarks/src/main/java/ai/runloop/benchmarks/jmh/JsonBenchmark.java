package ai.runloop.benchmarks.jmh;

import ai.runloop.api.internal.json.JsonCodec;
import ai.runloop.benchmarks.Fixtures;
import ai.runloop.model.devboxes.DevboxListView;
import ai.runloop.model.devboxes.DevboxView;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode and encode of one devbox view and of a 50-item page through the SDK's shared codec (generated
 * readers for decoding, JSON-B for encoding), and decoding with plain JSON-B (Yasson) beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonBenchmark {
    private final JsonCodec codec = JsonCodec.get();
    private final DevboxView devbox = Fixtures.devbox(0);
    private final DevboxListView page = Fixtures.devboxPage();
    private final byte[] devboxJson = codec.toBytes(devbox);
    private final byte[] pageJson = codec.toBytes(page);
    private final String devboxText = new String(devboxJson, java.nio.charset.StandardCharsets.UTF_8);
    private final String pageText = new String(pageJson, java.nio.charset.StandardCharsets.UTF_8);
    private final jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create();

    /** @return the decoded view */
    @Benchmark
    public DevboxView decodeDevbox() {
        return codec.fromJson(devboxJson, DevboxView.class);
    }

    /** @return the view decoded by JSON-B (Yasson) alone, as the codec did before the generated readers */
    @Benchmark
    public DevboxView decodeDevboxJsonb() {
        return jsonb.fromJson(devboxText, DevboxView.class);
    }

    /** @return the encoded view */
    @Benchmark
    public byte[] encodeDevbox() {
        return codec.toBytes(devbox);
    }

    /** @return the decoded page */
    @Benchmark
    public DevboxListView decodePage() {
        return codec.fromJson(pageJson, DevboxListView.class);
    }

    /** @return the page decoded by JSON-B (Yasson) alone */
    @Benchmark
    public DevboxListView decodePageJsonb() {
        return jsonb.fromJson(pageText, DevboxListView.class);
    }

    /** @return the encoded page */
    @Benchmark
    public byte[] encodePage() {
        return codec.toBytes(page);
    }
}
