package ai.runloop.api.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event-stream parser fed every possible split of a stream into network chunks, including splits
 * inside a multibyte UTF-8 character and between the CR and LF of a line end.
 */
class SseParserTest {
    private static final String STREAM = ": keep-alive\r\n"
            + "data: {\"output\":\"héllo 中文 😀\",\"offset\":17}\r\n\r\n"
            + "event: error\n"
            + "data: {\"code\":408,\n"
            + "data:\"message\":\"hold\"}\n"
            + "id: 7\n\n"
            + "retry: 10\rdata:no space € \r\r"
            + "data: unterminated";

    private static List<SseEvent> parse(byte[] bytes, int... cuts) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        int from = 0;
        for (int cut : cuts) {
            parser.feed(ByteBuffer.wrap(bytes, from, cut - from));
            from = cut;
        }
        parser.feed(ByteBuffer.wrap(bytes, from, bytes.length - from));
        parser.finish();
        return events;
    }

    private static final List<SseEvent> EXPECTED = List.of(
            new SseEvent("message", "{\"output\":\"héllo 中文 😀\",\"offset\":17}", null),
            new SseEvent("error", "{\"code\":408,\n\"message\":\"hold\"}", "7"),
            new SseEvent("message", "no space € ", "7"));

    @Test
    void wholeStream() {
        assertEquals(EXPECTED, parse(STREAM.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everySingleSplitPoint() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertEquals(EXPECTED, parse(bytes, cut), "split at byte " + cut);
        }
    }

    @Test
    void oneByteAtATime() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        int[] cuts = new int[bytes.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertEquals(EXPECTED, parse(bytes, cuts));
    }
}
