package ai.runloop.benchmarks.jmh;

import ai.runloop.api.internal.json.JsonCodec;
import ai.runloop.api.internal.sse.SseParser;
import ai.runloop.model.devboxes.ExecutionUpdateChunk;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SSE decoding of execution output: 1,000 events of one line each, fed in 16 KiB network chunks, parsed
 * and mapped to {@link ExecutionUpdateChunk}; the score is per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SseBenchmark {
    private static final int EVENTS = 1000;
    private final byte[] stream;

    /** Builds the stream once. */
    public SseBenchmark() {
        StringBuilder sb = new StringBuilder();
        long offset = 0;
        for (int i = 0; i < EVENTS; i++) {
            String line = "line " + i + " of the build output: compiling module ai.runloop.sdk ✓\n";
            offset += line.getBytes(StandardCharsets.UTF_8).length;
            sb.append("data: {\"output\":").append(jsonString(line)).append(",\"offset\":").append(offset).append("}\n\n");
        }
        stream = sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** @param hole consumes the chunks */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void parseAndDecode(Blackhole hole) {
        JsonCodec codec = JsonCodec.get();
        SseParser parser = new SseParser(event -> hole.consume(codec.fromJson(event.data(), ExecutionUpdateChunk.class)));
        for (int at = 0; at < stream.length; at += 16 * 1024) {
            parser.feed(ByteBuffer.wrap(stream, at, Math.min(16 * 1024, stream.length - at)));
        }
        parser.finish();
    }
}
