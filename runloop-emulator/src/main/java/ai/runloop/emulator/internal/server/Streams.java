package ai.runloop.emulator.internal.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Moves large bodies between the network and disk without holding them in memory: request bodies
 * are written by a {@link FileReceiver}, files are answered with {@code sendFile}.
 */
public final class Streams {
    private Streams() {
    }

    /**
     * Receives the request body into {@code target} (through {@code target.part}, moved into place once
     * complete) and then calls {@code done}. The request must still be paused (see
     * {@link EmulatorServer}: routes streaming their body skip the body handler and are paused).
     *
     * @param ctx the request
     * @param target where the body goes
     * @param done called on the request's context after the file is complete
     */
    public static void receiveToFile(RoutingContext ctx, Path target, Runnable done) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        ctx.vertx().executeBlocking(() -> {
            Files.createDirectories(target.getParent());
            return FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }, false).onComplete(opened -> {
            if (opened.failed()) {
                Replies.error(ctx, new ApiException(500, "upload failed: " + opened.cause().getMessage(), null));
            } else {
                new FileReceiver(ctx, opened.result(), part, target, done).start();
            }
        });
    }

    /**
     * Answers 200 with a file's bytes, streamed from disk. When a {@code cut_stream_after_bytes} fault
     * applies to the request, the file is read and answered through {@link Replies} so the fault cuts it.
     *
     * @param ctx the request
     * @param file the file
     * @param contentType the content type
     */
    public static void sendFile(RoutingContext ctx, Path file, String contentType) {
        if (ctx.get(Replies.CUT_AFTER) != null || ctx.get(Replies.LOSE_RESPONSE) != null) {
            ctx.vertx().executeBlocking(() -> Files.exists(file) ? Files.readAllBytes(file) : new byte[0], false)
                    .onComplete(res -> {
                        if (res.succeeded()) {
                            Replies.bytes(ctx, contentType, Buffer.buffer(res.result()));
                        } else {
                            Replies.error(ctx, new ApiException(500, "cannot read " + file.getFileName(), null));
                        }
                    });
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType).sendFile(file.toString()).onFailure(t -> {
            if (!ctx.response().headWritten()) {
                Replies.error(ctx, new ApiException(404, "file not found: " + file.getFileName(), null));
            } else {
                Replies.abort(ctx);
            }
        });
    }
}
