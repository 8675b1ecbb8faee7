package ai.runloop.sdk;

import ai.runloop.model.objects.ObjectContentType;
import ai.runloop.model.objects.ObjectCreateParams;
import ai.runloop.model.objects.ObjectListParams;
import ai.runloop.sdk.internal.Blocking;
import java.nio.file.Path;
import java.util.List;

/** Creates, uploads and finds storage objects (blocking flavour; wraps {@link AsyncStorageObjectOps}). */
public final class StorageObjectOps {
    private final AsyncStorageObjectOps async;

    StorageObjectOps(AsyncStorageObjectOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncStorageObjectOps async() {
        return async;
    }

    /**
     * The same operations, with metadata and a lifetime for every object the {@code uploadFrom...}
     * helpers create.
     *
     * @param metadata labels for each object, or null for none
     * @param ttl      how long each object lives before the server deletes it, or null
     * @return the configured operations
     */
    public StorageObjectOps withUploadOptions(java.util.Map<String, String> metadata, java.time.Duration ttl) {
        return new StorageObjectOps(async.withUploadOptions(metadata, ttl));
    }

    /**
     * @param params name, content type, metadata and TTL
     * @return the new object, holding its upload URL
     */
    public StorageObject create(ObjectCreateParams params) {
        return new StorageObject(Blocking.call("storageObject.create", () -> async.create(params)));
    }

    /**
     * @param name a name
     * @param text UTF-8 content
     * @return the completed object
     */
    public StorageObject uploadFromText(String name, String text) {
        return new StorageObject(Blocking.call("storageObject.uploadFromText", () -> async.uploadFromText(name, text)));
    }

    /**
     * @param name        a name
     * @param bytes       the content
     * @param contentType what the bytes are
     * @return the completed object
     */
    public StorageObject uploadFromBytes(String name, byte[] bytes, ObjectContentType contentType) {
        return new StorageObject(Blocking.call("storageObject.uploadFromBytes",
                () -> async.uploadFromBytes(name, bytes, contentType)));
    }

    /**
     * @param file a local file, streamed
     * @return the completed object
     */
    public StorageObject uploadFromFile(Path file) {
        return new StorageObject(Blocking.call("storageObject.uploadFromFile", () -> async.uploadFromFile(file)));
    }

    /**
     * @param file a local file, streamed
     * @param name the object's name (content type detected from it)
     * @return the completed object
     */
    public StorageObject uploadFromFile(Path file, String name) {
        return new StorageObject(Blocking.call("storageObject.uploadFromFile", () -> async.uploadFromFile(file, name)));
    }

    /**
     * @param dir a local directory, uploaded as a tar.gz without what its {@code .dockerignore} names
     * @return the completed object
     */
    public StorageObject uploadFromDir(Path dir) {
        return new StorageObject(Blocking.call("storageObject.uploadFromDir", () -> async.uploadFromDir(dir)));
    }

    /**
     * @param dir  a local directory, uploaded as a tar.gz without what its {@code .dockerignore} names
     * @param name the object's name
     * @return the completed object
     */
    public StorageObject uploadFromDir(Path dir, String name) {
        return new StorageObject(Blocking.call("storageObject.uploadFromDir", () -> async.uploadFromDir(dir, name)));
    }

    /**
     * @param dir    a local directory, uploaded as a tar.gz
     * @param name   the object's name
     * @param filter which entries go in
     * @return the completed object
     */
    public StorageObject uploadFromDir(Path dir, String name, DirFilter filter) {
        return new StorageObject(Blocking.call("storageObject.uploadFromDir", () -> async.uploadFromDir(dir, name, filter)));
    }

    /**
     * @param id an object id
     * @return a handle (no request is made)
     */
    public StorageObject fromId(String id) {
        return new StorageObject(async.fromId(id));
    }

    /** @return the objects of the first page */
    public List<StorageObject> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the objects of the first page
     */
    public List<StorageObject> list(ObjectListParams params) {
        return Blocking.call("storageObject.list", () -> async.list(params)).stream().map(StorageObject::new).toList();
    }
}
