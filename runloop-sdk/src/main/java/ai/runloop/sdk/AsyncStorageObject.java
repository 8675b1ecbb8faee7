package ai.runloop.sdk;

import ai.runloop.model.objects.ObjectDownloadParams;
import ai.runloop.model.objects.ObjectView;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import ai.runloop.api.spi.RequestBody;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A storage object ({@code CompletableFuture} flavour): an immutable handle holding its id and, when
 * it was just created here, its presigned upload URL. Content goes up and down through presigned URLs,
 * sent through the SDK's transport on its transfer connections without any API header, so the API key
 * never reaches the storage host. Failed attempts are retried like API calls; a download to a file
 * starts again from the first byte.
 */
public final class AsyncStorageObject {
    private final SdkContext ctx;
    private final String id;
    private final String uploadUrl;

    AsyncStorageObject(SdkContext ctx, String id, String uploadUrl) {
        this.ctx = ctx;
        this.id = Checks.notBlank("objectId", id);
        this.uploadUrl = uploadUrl;
    }

    /** @return the object id */
    public String id() {
        return id;
    }

    /** @return the presigned upload URL from creation, or null when this handle was not made by create */
    public String uploadUrl() {
        return uploadUrl;
    }

    /** @return the current view (state UPLOADING until completed, then READ_ONLY) */
    public CompletableFuture<ObjectView> getInfo() {
        return ctx.client().objects().async().retrieve(id, null);
    }

    /**
     * @param text content to upload as UTF-8
     * @return completes when stored (call {@link #complete()} next)
     */
    public CompletableFuture<Void> uploadContent(String text) {
        Checks.notNull("text", text);
        return put(RequestBody.ofBytes(text.getBytes(StandardCharsets.UTF_8), null));
    }

    /**
     * @param bytes content to upload
     * @return completes when stored (call {@link #complete()} next)
     */
    public CompletableFuture<Void> uploadContent(byte[] bytes) {
        Checks.notNull("bytes", bytes);
        return put(RequestBody.ofBytes(bytes, null));
    }

    /**
     * @param file a local file, streamed from disk
     * @return completes when stored (call {@link #complete()} next)
     */
    public CompletableFuture<Void> uploadContent(Path file) {
        Checks.notNull("file", file);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("file must be a readable file but was " + file);
        }
        return put(RequestBody.ofFile(file, null));
    }

    private CompletableFuture<Void> put(RequestBody body) {
        if (uploadUrl == null) {
            throw new IllegalStateException("object " + id + " has no upload URL: only a handle returned by "
                    + "storageObject().create(...) can upload, before complete()");
        }
        return ctx.core().presigned().put(uploadUrl, body, "object " + id + " upload");
    }

    /** @return the view once the upload is finished (state READ_ONLY) */
    public CompletableFuture<ObjectView> complete() {
        return ctx.client().objects().async().complete(id, null);
    }

    /** @return a presigned download URL valid for an hour */
    public CompletableFuture<String> getDownloadUrl() {
        return getDownloadUrl(null);
    }

    /**
     * @param validFor how long the URL stays valid (whole seconds; null for the server's default, 1 h)
     * @return a presigned download URL
     */
    public CompletableFuture<String> getDownloadUrl(Duration validFor) {
        ObjectDownloadParams params = validFor == null ? null
                : ObjectDownloadParams.builder().durationSeconds((int) Math.max(1, validFor.toSeconds())).build();
        return ctx.client().objects().async().download(id, params, null).thenApply(v -> v.downloadUrl());
    }

    /** @return the content's bytes */
    public CompletableFuture<byte[]> downloadAsBytes() {
        return getDownloadUrl().thenCompose(url -> ctx.core().presigned().getBytes(url, "object " + id + " download"));
    }

    /** @return the content as UTF-8 text */
    public CompletableFuture<String> downloadAsText() {
        return downloadAsBytes().thenApply(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * @param target a local file (replaced), written as the bytes arrive
     * @return the file
     */
    public CompletableFuture<Path> downloadToFile(Path target) {
        Checks.notNull("target", target);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("target's directory does not exist: " + parent);
        }
        return getDownloadUrl().thenCompose(url -> ctx.core().presigned().getToFile(url, target, "object " + id + " download")
                .thenApply(written -> target));
    }

    /** @return the final view after deletion */
    public CompletableFuture<ObjectView> delete() {
        return ctx.client().objects().async().delete(id, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsyncStorageObject s && s.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AsyncStorageObject{" + id + '}';
    }
}
