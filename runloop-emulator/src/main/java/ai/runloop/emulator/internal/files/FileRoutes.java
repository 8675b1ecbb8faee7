package ai.runloop.emulator.internal.files;

import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.devbox.Devbox;
import ai.runloop.emulator.internal.devbox.DevboxLifecycle;
import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Idempotency;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Replies;
import ai.runloop.emulator.internal.server.Streams;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** File endpoints of a devbox: text read/write, multipart upload, raw download. Disk work runs on workers. */
public final class FileRoutes implements Api {
    private final Backend b;

    /** @param backend the emulator */
    public FileRoutes(Backend backend) {
        this.b = backend;
    }

    @Override
    public void register(Router r) {
        Api.raw(r, POST, "/v1/devboxes/:id/read_file_contents", ctx -> {
            Path file = path(ctx, Params.body(ctx), "file_path");
            blocking(ctx, () -> Files.readString(file, StandardCharsets.UTF_8), text -> Replies.text(ctx, text));
        });
        Api.raw(r, POST, "/v1/devboxes/:id/write_file_contents", ctx -> {
            JsonObject body = Params.body(ctx);
            Path file = path(ctx, body, "file_path");
            String contents = Params.optString(body, "contents");
            if (contents == null) {
                throw ApiException.badRequest("contents", "contents is required");
            }
            blocking(ctx, () -> {
                Files.createDirectories(file.getParent());
                Files.writeString(file, contents, StandardCharsets.UTF_8);
                return true;
            }, ok -> Replies.json(ctx, new JsonObject().put("devbox_id", ctx.pathParam("id")).put("exit_status", 0)
                    .put("stdout", "").put("stderr", "")));
        });
        Api.raw(r, POST, "/v1/devboxes/:id/download_file", ctx -> {
            Path file = path(ctx, Params.body(ctx), "path");
            blocking(ctx, () -> {
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(String.valueOf(file.getFileName()));
                }
                return true;
            }, ok -> {
                Idempotency.notReplayable(ctx);
                Streams.sendFile(ctx, file, "application/octet-stream");
            });
        });
        Api.raw(r, POST, "/v1/devboxes/:id/upload_file", ctx -> {
            String dest = ctx.request().getFormAttribute("path");
            if (dest == null) {
                throw ApiException.badRequest("path", "path is required (multipart field 'path')");
            }
            FileUpload upload = ctx.fileUploads().stream().filter(u -> "file".equals(u.name())).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("file", "file is required (multipart field 'file')"));
            Path file = PathGuard.resolve(running(ctx).home(), dest, "path");
            Path tmp = Path.of(upload.uploadedFileName());
            blocking(ctx, () -> {
                Files.createDirectories(file.getParent());
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.copy(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
                return true;
            }, ok -> Replies.json(ctx, new JsonObject()));
        });
    }

    private Path path(RoutingContext ctx, JsonObject body, String field) {
        Devbox d = running(ctx);
        return PathGuard.resolve(d.home(), Params.optString(body, field), field);
    }

    private Devbox running(RoutingContext ctx) {
        Devbox d = b.devboxes.get(ctx.pathParam("id"));
        DevboxLifecycle.requireStatus(d, "running", "use files of");
        return d;
    }

    private <T> void blocking(RoutingContext ctx, Callable<T> work, java.util.function.Consumer<T> reply) {
        b.vertx.executeBlocking(work, false).onComplete(res -> {
            if (res.succeeded()) {
                reply.accept(res.result());
            } else if (res.cause() instanceof NoSuchFileException) {
                Replies.error(ctx, new ApiException(404, "file not found: " + res.cause().getMessage(), null));
            } else if (res.cause() instanceof ApiException api) {
                Replies.error(ctx, api);
            } else {
                Replies.error(ctx, ApiException.badRequest(null, "file operation failed: " + res.cause()));
            }
        });
    }
}
