package ai.runloop.sdk;

import ai.runloop.api.BinaryResponse;
import ai.runloop.model.devboxes.DevboxDownloadFileParams;
import ai.runloop.model.devboxes.DevboxReadFileContentsParams;
import ai.runloop.model.devboxes.DevboxUploadFileParams;
import ai.runloop.model.devboxes.DevboxWriteFileContentsParams;
import ai.runloop.model.support.BinaryContent;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Files on a devbox ({@code CompletableFuture} flavour): {@code devbox.file()}. Paths are relative to
 * the devbox user's home directory. Uploads and downloads stream, so files of any size never have to
 * fit in memory (except where bytes are asked for).
 */
public final class AsyncFileOps {
    private final SdkContext ctx;
    private final String devboxId;

    AsyncFileOps(SdkContext ctx, String devboxId) {
        this.ctx = ctx;
        this.devboxId = devboxId;
    }

    /**
     * @param path a text file on the devbox
     * @return its content as UTF-8 text
     */
    public CompletableFuture<String> read(String path) {
        Checks.notBlank("path", path);
        return ctx.client().devboxes().async().readFileContents(devboxId,
                DevboxReadFileContentsParams.builder().filePath(path).build(), null);
    }

    /**
     * @param path     a file on the devbox (created or replaced)
     * @param contents its new text
     * @return completes when written
     */
    public CompletableFuture<Void> write(String path, String contents) {
        Checks.notBlank("path", path);
        Checks.notNull("contents", contents);
        return ctx.client().devboxes().async().writeFileContents(devboxId,
                DevboxWriteFileContentsParams.builder().filePath(path).contents(contents).build(), null).thenApply(v -> null);
    }

    /**
     * @param path  the destination on the devbox
     * @param local a local file, streamed from disk
     * @return completes when uploaded
     */
    public CompletableFuture<Void> upload(String path, Path local) {
        Checks.notNull("local", local);
        if (!Files.isRegularFile(local)) {
            throw new IllegalArgumentException("local must be a readable file but was " + local);
        }
        return upload(path, new BinaryContent.File(local));
    }

    /**
     * @param path  the destination on the devbox
     * @param bytes the content
     * @return completes when uploaded
     */
    public CompletableFuture<Void> upload(String path, byte[] bytes) {
        Checks.notNull("bytes", bytes);
        return upload(path, new BinaryContent.Bytes(bytes));
    }

    /**
     * @param path   the destination on the devbox
     * @param opener opens the content; called again if the request is retried
     * @param length the exact number of bytes the stream yields
     * @return completes when uploaded
     */
    public CompletableFuture<Void> upload(String path, Supplier<InputStream> opener, long length) {
        Checks.notNull("opener", opener);
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative but was " + length);
        }
        return upload(path, new BinaryContent.Stream(opener, length));
    }

    private CompletableFuture<Void> upload(String path, BinaryContent content) {
        Checks.notBlank("path", path);
        return ctx.client().devboxes().async().uploadFile(devboxId,
                DevboxUploadFileParams.builder().path(path).file(content).build(), null).thenApply(v -> null);
    }

    /**
     * @param path a file on the devbox
     * @return its bytes (for files that fit in memory)
     */
    public CompletableFuture<byte[]> download(String path) {
        return downloadResponse(path).thenCompose(BinaryResponse::bytesAsync);
    }

    /**
     * @param path   a file on the devbox
     * @param target the local file to write (replaced), streamed without holding it in memory
     * @return the number of bytes written
     */
    public CompletableFuture<Long> downloadTo(String path, Path target) {
        Checks.notNull("target", target);
        return downloadResponse(path).thenCompose(r -> r.writeToAsync(target));
    }

    /**
     * @param path a file on the devbox
     * @return the download as a stream still on the wire; read it (blocking) and close it
     */
    public CompletableFuture<InputStream> downloadStream(String path) {
        return downloadResponse(path).thenApply(BinaryResponse::inputStream);
    }

    private CompletableFuture<BinaryResponse> downloadResponse(String path) {
        Checks.notBlank("path", path);
        return ctx.client().devboxes().async().downloadFile(devboxId,
                DevboxDownloadFileParams.builder().path(path).build(), null);
    }

    @Override
    public String toString() {
        return "AsyncFileOps{devbox=" + devboxId + '}';
    }
}
