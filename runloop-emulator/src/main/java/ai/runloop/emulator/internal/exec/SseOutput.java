package ai.runloop.emulator.internal.exec;

import ai.runloop.emulator.internal.server.Idempotency;
import ai.runloop.emulator.internal.server.Replies;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * Streams an {@link OutputLog} as server-sent events of ExecutionUpdateChunk JSON.
 *
 * <p><b>Offsets.</b> The query parameter {@code offset} is the byte position to start from (absent =
 * 0). Each chunk's {@code offset} is the byte position <em>just after</em> its {@code output}, i.e.
 * the number of bytes of the stream delivered so far. A client that reconnects with the
 * {@code offset} of the last chunk it received (what both official clients do) therefore gets exactly
 * the bytes it has not seen: no loss, no duplicate. Chunks never split a UTF-8 character, so every
 * {@code output} is valid text and its byte length is the difference of two offsets. The stream ends
 * when the command has ended and all output was sent.
 */
public final class SseOutput {
    private static final int MAX_CHUNK = 64 * 1024;

    private SseOutput() {
    }

    /** @param ctx the request @param log the output @param from byte position to start at */
    public static void stream(RoutingContext ctx, OutputLog log, long from) {
        Idempotency.notReplayable(ctx);
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
        Long cutAfter = ctx.get(Replies.CUT_AFTER);
        new Pump(ctx, log, (int) Math.min(from, Integer.MAX_VALUE), cutAfter == null ? -1 : cutAfter).start();
    }

    private static final class Pump {
        private final RoutingContext ctx;
        private final HttpServerResponse response;
        private final OutputLog log;
        private final long cutAfter;
        private final Context context;
        private final Runnable listener;
        private int pos;
        private long written;
        private boolean finished;
        private boolean scheduled;

        Pump(RoutingContext ctx, OutputLog log, int from, long cutAfter) {
            this.ctx = ctx;
            this.response = ctx.response();
            this.log = log;
            this.pos = from;
            this.cutAfter = cutAfter;
            this.context = ctx.vertx().getOrCreateContext();
            this.listener = () -> context.runOnContext(v -> {
                scheduled = false;
                pump();
            });
        }

        void start() {
            log.watchers().add(listener);
            response.closeHandler(v -> finish());
            pump();
        }

        private void pump() {
            while (!finished) {
                if (response.writeQueueFull()) {
                    response.drainHandler(v -> pump());
                    return;
                }
                int size = log.size();
                boolean closed = log.closed();
                int start = Math.min(pos, size);
                if (pos < size) {
                    int end = log.utf8SafeEnd(start, Math.min(size, start + MAX_CHUNK));
                    if (end <= start) {
                        return; // wait for the rest of a character
                    }
                    String text = new String(log.slice(start, end), StandardCharsets.UTF_8);
                    pos = end;
                    String event = "data: " + new JsonObject().put("output", text).put("offset", (long) end).encode() + "\n\n";
                    if (!write(event)) {
                        return;
                    }
                } else if (closed && log.size() <= pos) {
                    finish();
                    response.end();
                    return;
                } else {
                    return;
                }
            }
        }

        private boolean write(String event) {
            Buffer bytes = Buffer.buffer(event);
            if (cutAfter >= 0 && written + bytes.length() > cutAfter) {
                int keep = (int) (cutAfter - written);
                finish();
                response.write(bytes.slice(0, keep)).onComplete(r -> Replies.abort(ctx));
                return false;
            }
            written += bytes.length();
            response.write(bytes);
            return true;
        }

        private void finish() {
            finished = true;
            log.watchers().remove(listener);
        }
    }
}
