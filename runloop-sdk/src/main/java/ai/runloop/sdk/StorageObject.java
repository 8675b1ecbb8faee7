package ai.runloop.sdk;

import ai.runloop.model.objects.ObjectView;
import ai.runloop.sdk.internal.Blocking;
import java.nio.file.Path;
import java.time.Duration;

/** A storage object (blocking flavour; wraps an {@link AsyncStorageObject}). */
public final class StorageObject {
    private final AsyncStorageObject async;

    StorageObject(AsyncStorageObject async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncStorageObject async() {
        return async;
    }

    /** @return the object id */
    public String id() {
        return async.id();
    }

    /** @return the presigned upload URL from creation, or null */
    public String uploadUrl() {
        return async.uploadUrl();
    }

    /** @return the current view */
    public ObjectView getInfo() {
        return Blocking.call("StorageObject.getInfo", async::getInfo);
    }

    /** @param text content to upload as UTF-8 (then call {@link #complete()}) */
    public void uploadContent(String text) {
        Blocking.call("StorageObject.uploadContent", () -> async.uploadContent(text));
    }

    /** @param bytes content to upload (then call {@link #complete()}) */
    public void uploadContent(byte[] bytes) {
        Blocking.call("StorageObject.uploadContent", () -> async.uploadContent(bytes));
    }

    /** @param file a local file to upload, streamed (then call {@link #complete()}) */
    public void uploadContent(Path file) {
        Blocking.call("StorageObject.uploadContent", () -> async.uploadContent(file));
    }

    /** @return the view once the upload is finished */
    public ObjectView complete() {
        return Blocking.call("StorageObject.complete", async::complete);
    }

    /** @return a presigned download URL valid for an hour */
    public String getDownloadUrl() {
        return Blocking.call("StorageObject.getDownloadUrl", () -> async.getDownloadUrl());
    }

    /**
     * @param validFor how long the URL stays valid
     * @return a presigned download URL
     */
    public String getDownloadUrl(Duration validFor) {
        return Blocking.call("StorageObject.getDownloadUrl", () -> async.getDownloadUrl(validFor));
    }

    /** @return the content's bytes */
    public byte[] downloadAsBytes() {
        return Blocking.call("StorageObject.downloadAsBytes", async::downloadAsBytes);
    }

    /** @return the content as UTF-8 text */
    public String downloadAsText() {
        return Blocking.call("StorageObject.downloadAsText", async::downloadAsText);
    }

    /**
     * @param target a local file (replaced)
     * @return the file
     */
    public Path downloadToFile(Path target) {
        return Blocking.call("StorageObject.downloadToFile", () -> async.downloadToFile(target));
    }

    /** @return the final view after deletion */
    public ObjectView delete() {
        return Blocking.call("StorageObject.delete", async::delete);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageObject s && s.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "StorageObject{" + id() + '}';
    }
}
