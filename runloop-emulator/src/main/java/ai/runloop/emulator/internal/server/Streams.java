package ai.runloop.emulator.internal.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves large bodies between the network and disk without holding them in memory: request bodies
 * are piped into an {@link io.vertx.core.file.AsyncFile}, files are answered with {@code sendFile}.
 */
public final class Streams {
    private Streams() {
    }

    /**
     * Pipes the request body into {@code target} (through {@code target.part}, moved into place once
     * complete) and then calls {@code done}. The request must still be paused (see
     * {@link EmulatorServer}: routes streaming their body skip the body handler and are paused).
     *
     * @param ctx the request
     * @param target where the body goes
     * @param done called on the request's context after the file is complete
     */
    public static void receiveToFile(RoutingContext ctx, Path target, Runnable done) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        ctx.vertx().executeBlocking(() -> Files.createDirectories(target.getParent()), false)
                .compose(v -> ctx.vertx().fileSystem().open(part.toString(),
                        new OpenOptions().setWrite(true).setCreate(true).setTruncateExisting(true)))
                .compose(file -> ctx.request().pipeTo(file))
                .compose(v -> ctx.vertx().executeBlocking(() -> Files.move(part, target, StandardCopyOption.REPLACE_EXISTING), false))
                .onComplete(res -> {
                    if (res.succeeded()) {
                        done.run();
                    } else {
                        ctx.vertx().executeBlocking(() -> Files.deleteIfExists(part), false);
                        Replies.error(ctx, new ApiException(500, "upload failed: " + res.cause().getMessage(), null));
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
