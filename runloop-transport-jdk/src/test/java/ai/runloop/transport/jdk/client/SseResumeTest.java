package ai.runloop.transport.jdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.RunloopClient;
import ai.runloop.api.SseStream;
import ai.runloop.api.errors.NotFoundException;
import ai.runloop.model.devboxes.ExecutionStreamStdoutUpdatesParams;
import ai.runloop.model.devboxes.ExecutionUpdateChunk;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Execution output streams (behaviours §10): a stream cut mid-way resumes from the last offset with no
 * byte lost or repeated, under both readings of a chunk's offset (its end, as the emulator does; its
 * start, which makes the server re-send the last chunk); {@code event: error} 408 reconnects, other
 * codes raise; UTF-8 characters split across network chunks survive; both the blocking
 * {@code stream()} and the non-blocking {@code forEach}.
 */
@Timeout(60)
class SseResumeTest {
    /** Output with multibyte characters (2, 3 and 4 bytes in UTF-8) in every piece. */
    private static final List<String> PIECES = List.of("héllo wörld\n", "línea 2 — ok\n", "中文输出 3\n",
            "emoji 😀 4\n", "ünïcödé 5\n", "tail 6 €\n", "end 7 ß\n");
    private static final String ALL = String.join("", PIECES);

    private ScriptedServer server;
    private RunloopClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Where a chunk's {@code offset} points. */
    enum Convention { END, START }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] event(String output, long offset) {
        String json = Json.createObjectBuilder().add("output", output).add("offset", offset).build().toString();
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Sends an event as two network chunks split inside a multibyte character when there is one. */
    private static void sendSplit(ScriptedServer.Exchange x, byte[] event) throws IOException {
        int cut = event.length / 2;
        for (int i = 0; i < event.length; i++) {
            if ((event[i] & 0xC0) == 0x80) { // a continuation byte: cutting before it splits a character
                cut = i;
                break;
            }
        }
        x.chunk(Arrays.copyOfRange(event, 0, cut));
        x.chunk(Arrays.copyOfRange(event, cut, event.length));
    }

    /**
     * A server for the pieces: the first connection sends {@code before} pieces, then half an event, then
     * drops; later connections send everything from the requested byte offset and end cleanly.
     */
    private ScriptedServer.Handler output(Convention convention, int before, boolean reset, boolean rechunk) {
        return (request, x) -> {
            String offsetParam = request.query().get("offset");
            long from = offsetParam == null ? 0 : Long.parseLong(offsetParam);
            x.startChunked(200, "text/event-stream");
            long position = 0;
            List<byte[]> events = new ArrayList<>();
            StringBuilder pending = new StringBuilder();
            long pendingStart = -1;
            for (String piece : PIECES) {
                long start = position;
                long end = position + bytes(piece);
                position = end;
                if (end <= from) {
                    continue;
                }
                if (start < from) {
                    throw new IllegalStateException("resume inside a piece: " + from);
                }
                if (rechunk && request.index() > 0 && start == from) {
                    pending.append(piece); // the re-sent piece and the next one as one chunk
                    pendingStart = start;
                    continue;
                }
                if (pending.length() > 0) {
                    pending.append(piece);
                    events.add(event(pending.toString(), convention == Convention.END ? end : pendingStart));
                    pending.setLength(0);
                    continue;
                }
                events.add(event(piece, convention == Convention.END ? end : start));
            }
            if (pending.length() > 0) {
                events.add(event(pending.toString(), convention == Convention.END ? position : pendingStart));
            }
            if (request.index() == 0) {
                for (int i = 0; i < before; i++) {
                    sendSplit(x, events.get(i));
                }
                byte[] half = Arrays.copyOf(events.get(before), events.get(before).length / 2);
                x.chunk(half);
                if (reset) {
                    x.reset();
                }
                return; // closed without the last chunk: the body is cut
            }
            for (byte[] e : events) {
                sendSplit(x, e);
            }
            x.endChunks();
        };
    }

    private SseStream<ExecutionUpdateChunk> stream(ScriptedServer.Handler handler) throws IOException {
        server = ScriptedServer.start(handler);
        client = RunloopClient.builder().apiKey("k").baseUrl(server.baseUrl()).environment(Map.of()).build();
        return client.devboxes().executions().streamStdoutUpdates("exec_1",
                ExecutionStreamStdoutUpdatesParams.builder().devboxId("dbx_1").build());
    }

    private static String blocking(SseStream<ExecutionUpdateChunk> stream) {
        try (Stream<ExecutionUpdateChunk> s = stream.stream()) {
            return s.map(ExecutionUpdateChunk::output).collect(Collectors.joining());
        }
    }

    private static String nonBlocking(SseStream<ExecutionUpdateChunk> stream) throws Exception {
        StringBuffer out = new StringBuffer();
        stream.forEach(chunk -> out.append(chunk.output())).get(30, TimeUnit.SECONDS);
        return out.toString();
    }

    private void assertResumedAt(long offset) {
        List<ScriptedServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), "one reconnect");
        assertNull(requests.get(0).query().get("offset"), "the first request starts at the beginning");
        assertEquals(Long.toString(offset), requests.get(1).query().get("offset"));
        assertEquals("text/event-stream", requests.get(1).header("accept"));
    }

    private static long endOf(int pieces) {
        return bytes(String.join("", PIECES.subList(0, pieces)));
    }

    @Test
    void endOffsetsResumeExactlyBlocking() throws Exception {
        assertEquals(ALL, blocking(stream(output(Convention.END, 3, false, false))));
        assertResumedAt(endOf(3));
    }

    @Test
    void endOffsetsResumeExactlyNonBlockingAfterAReset() throws Exception {
        assertEquals(ALL, nonBlocking(stream(output(Convention.END, 4, true, false))));
        assertResumedAt(endOf(4));
    }

    @Test
    void startOffsetsRepeatTheLastChunkWhichIsDroppedBlocking() throws Exception {
        assertEquals(ALL, blocking(stream(output(Convention.START, 3, true, false))));
        assertResumedAt(endOf(2));
    }

    @Test
    void startOffsetsRepeatTheLastChunkWhichIsDroppedNonBlocking() throws Exception {
        assertEquals(ALL, nonBlocking(stream(output(Convention.START, 2, false, false))));
        assertResumedAt(endOf(1));
    }

    @Test
    void startOffsetsWithTheRepeatMergedIntoALargerChunkDeliverOnlyTheNewPart() throws Exception {
        assertEquals(ALL, nonBlocking(stream(output(Convention.START, 3, false, true))));
        assertResumedAt(endOf(2));
    }

    @Test
    void errorEvent408Reconnects() throws Exception {
        SseStream<ExecutionUpdateChunk> stream = stream((request, x) -> {
            x.startChunked(200, "text/event-stream");
            if (request.index() == 0) {
                x.chunk(event(PIECES.get(0), endOf(1)));
                x.chunk("event: error\ndata: {\"code\":408,\"message\":\"hold lapsed\"}\n\n");
                x.hang();
                return;
            }
            long position = endOf(1);
            for (String piece : PIECES.subList(1, PIECES.size())) {
                position += bytes(piece);
                x.chunk(event(piece, position));
            }
            x.endChunks();
        });
        assertEquals(ALL, blocking(stream));
        assertResumedAt(endOf(1));
    }

    @Test
    void errorEventWithAnotherCodeRaisesTheMappedExceptionNonBlocking() throws Exception {
        SseStream<ExecutionUpdateChunk> stream = stream((request, x) -> {
            x.startChunked(200, "text/event-stream");
            x.chunk(event(PIECES.get(0), endOf(1)));
            x.chunk("event: error\ndata: {\"code\":404,\"message\":\"execution gone\"}\n\n");
            x.hang();
        });
        StringBuffer out = new StringBuffer();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stream.forEach(c -> out.append(c.output())).get(30, TimeUnit.SECONDS));
        NotFoundException notFound = assertInstanceOf(NotFoundException.class, e.getCause());
        assertEquals(404, notFound.status());
        assertTrue(notFound.getMessage().contains("execution gone"), notFound.getMessage());
        assertEquals(PIECES.get(0), out.toString());
        assertEquals(1, server.requests().size(), "no reconnect");
    }

    @Test
    void errorEventWithAnotherCodeRaisesTheMappedExceptionBlocking() throws Exception {
        SseStream<ExecutionUpdateChunk> stream = stream((request, x) -> {
            x.startChunked(200, "text/event-stream");
            x.chunk("event: error\ndata: {\"code\":\"500\",\"message\":\"boom\"}\n\n");
            x.hang();
        });
        ai.runloop.api.errors.InternalServerException e = assertThrows(
                ai.runloop.api.errors.InternalServerException.class, () -> blocking(stream));
        assertEquals(500, e.status());
    }

    @Test
    void anHttp408BeforeTheStreamReconnectsToo() throws Exception {
        SseStream<ExecutionUpdateChunk> stream = stream((request, x) -> {
            if (request.index() == 0) {
                x.json(408, Map.of("x-should-retry", "false"), "{\"error\":\"hold\"}");
                return;
            }
            x.startChunked(200, "text/event-stream");
            x.chunk(event(ALL, bytes(ALL)));
            x.endChunks();
        });
        assertEquals(ALL, nonBlocking(stream));
        assertEquals(2, server.requests().size());
    }
}
