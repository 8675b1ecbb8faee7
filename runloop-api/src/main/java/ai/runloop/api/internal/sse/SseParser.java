package ai.runloop.api.internal.sse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Incremental {@code text/event-stream} parser. Splits bytes into lines before decoding, so a UTF-8
 * character split across network chunks is never corrupted. Not thread-safe: feed it from one
 * subscriber.
 */
public final class SseParser {
    private final Consumer<SseEvent> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String event;
    private String id;
    private boolean lastWasCr;

    /** @param sink receives each complete event */
    public SseParser(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    /** @param chunk the next bytes of the stream */
    public void feed(ByteBuffer chunk) {
        while (chunk.hasRemaining()) {
            byte b = chunk.get();
            if (b == '\n') {
                if (lastWasCr) {
                    lastWasCr = false; // the \n of a \r\n pair
                    continue;
                }
                endLine();
            } else if (b == '\r') {
                lastWasCr = true;
                endLine();
            } else {
                lastWasCr = false;
                line.write(b);
            }
        }
    }

    /** Ends the stream: an event not closed by a blank line is dropped, as the format says. */
    public void finish() {
        line.reset();
        reset();
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.startsWith(":")) {
            return; // comment / keep-alive
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> event = value;
            case "id" -> id = value;
            default -> {
                // "retry" and unknown fields are ignored
            }
        }
    }

    private void dispatch() {
        if (hasData) {
            sink.accept(new SseEvent(event == null || event.isEmpty() ? "message" : event, data.toString(), id));
        }
        reset();
    }

    private void reset() {
        data.setLength(0);
        hasData = false;
        event = null;
    }
}
