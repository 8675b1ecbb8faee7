package ai.runloop.sdk;

import ai.runloop.model.objects.ObjectContentType;
import ai.runloop.model.objects.ObjectCreateParams;
import ai.runloop.model.objects.ObjectListParams;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.ContentTypes;
import ai.runloop.sdk.internal.SdkContext;
import ai.runloop.sdk.internal.TarGz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Creates, uploads and finds storage objects ({@code CompletableFuture} flavour):
 * {@code sdk.storageObject()}. Each {@code uploadFrom...} runs the three steps — create, PUT to the
 * presigned URL, complete — and returns the finished object.
 */
public final class AsyncStorageObjectOps {
    private final SdkContext ctx;
    private final Map<String, String> metadata;
    private final Duration ttl;

    AsyncStorageObjectOps(SdkContext ctx) {
        this(ctx, null, null);
    }

    private AsyncStorageObjectOps(SdkContext ctx, Map<String, String> metadata, Duration ttl) {
        this.ctx = ctx;
        this.metadata = metadata == null ? null : Map.copyOf(metadata);
        this.ttl = ttl;
    }

    /**
     * The same operations, with metadata and a lifetime for every object the {@code uploadFrom...}
     * helpers create.
     *
     * <pre>{@code sdk.storageObject().withUploadOptions(Map.of("run", "42"), Duration.ofHours(1)).uploadFromText("log", text)}</pre>
     *
     * @param metadata labels for each object, or null for none
     * @param ttl      how long each object lives before the server deletes it (whole milliseconds), or null
     * @return the configured operations
     */
    public AsyncStorageObjectOps withUploadOptions(Map<String, String> metadata, Duration ttl) {
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("ttl must be positive but was " + ttl);
        }
        return new AsyncStorageObjectOps(ctx, metadata, ttl);
    }

    /**
     * Creates an object in state UPLOADING; upload with {@link AsyncStorageObject#uploadContent} and
     * then {@link AsyncStorageObject#complete()}.
     *
     * @param params name, content type, metadata and TTL
     * @return the handle, holding the presigned upload URL
     */
    public CompletableFuture<AsyncStorageObject> create(ObjectCreateParams params) {
        Checks.notNull("params", params);
        return ctx.client().objects().async().create(params, null)
                .thenApply(v -> new AsyncStorageObject(ctx, v.id(), v.uploadUrl()));
    }

    /**
     * @param name a name for the object
     * @param text its content, stored as UTF-8 with content type {@code text}
     * @return the completed object
     */
    public CompletableFuture<AsyncStorageObject> uploadFromText(String name, String text) {
        Checks.notNull("text", text);
        return upload(name, ObjectContentType.TEXT, o -> o.uploadContent(text));
    }

    /**
     * @param name        a name for the object
     * @param bytes       its content
     * @param contentType what the bytes are (binary uploads need an explicit type)
     * @return the completed object
     */
    public CompletableFuture<AsyncStorageObject> uploadFromBytes(String name, byte[] bytes, ObjectContentType contentType) {
        Checks.notNull("bytes", bytes);
        Checks.notNull("contentType", contentType);
        return upload(name, contentType, o -> o.uploadContent(bytes));
    }

    /**
     * @param file a local file, streamed; named after the file, content type from its extension
     * @return the completed object
     */
    public CompletableFuture<AsyncStorageObject> uploadFromFile(Path file) {
        Checks.notNull("file", file);
        return uploadFromFile(file, String.valueOf(file.getFileName()));
    }

    /**
     * @param file a local file, streamed from disk
     * @param name the object's name; content type detected from it (.tar.gz/.tgz, .gz, .tar, text
     *             extensions, else unspecified)
     * @return the completed object
     */
    public CompletableFuture<AsyncStorageObject> uploadFromFile(Path file, String name) {
        Checks.notNull("file", file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file must be a readable file but was " + file);
        }
        Checks.notBlank("name", name);
        return upload(name, ContentTypes.detect(name), o -> o.uploadContent(file));
    }

    /**
     * @param dir a local directory, packed as a gzip-compressed tar (names relative to it), without what
     *            its {@code .dockerignore} names, if it has one
     * @return the completed object, named {@code <dir name>.tar.gz}, content type {@code tgz}
     */
    public CompletableFuture<AsyncStorageObject> uploadFromDir(Path dir) {
        Checks.notNull("dir", dir);
        return uploadFromDir(dir, dir.toAbsolutePath().normalize().getFileName() + ".tar.gz");
    }

    /**
     * @param dir  a local directory, packed as a gzip-compressed tar into a temporary file first, without
     *             what its {@code .dockerignore} names, if it has one
     * @param name the object's name
     * @return the completed object, content type {@code tgz}
     */
    public CompletableFuture<AsyncStorageObject> uploadFromDir(Path dir, String name) {
        return uploadFromDir(dir, name, DirFilter.dockerignore());
    }

    /**
     * @param dir    a local directory, packed as a gzip-compressed tar into a temporary file first
     * @param name   the object's name
     * @param filter which entries go in ({@link DirFilter#dockerignore()}, {@link DirFilter#patterns(String...)},
     *               {@link DirFilter#everything()} …)
     * @return the completed object, content type {@code tgz}
     */
    public CompletableFuture<AsyncStorageObject> uploadFromDir(Path dir, String name, DirFilter filter) {
        Checks.notNull("dir", dir);
        Checks.notNull("filter", filter);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("dir must be a directory but was " + dir);
        }
        Checks.notBlank("name", name);
        Path archive;
        try {
            archive = Files.createTempFile("runloop-upload-", ".tar.gz");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary archive for " + dir, e);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                TarGz.write(dir, archive, filter.select(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot archive " + dir, e);
            }
        }).thenCompose(v -> upload(name, ObjectContentType.TGZ, o -> o.uploadContent(archive)))
                .whenComplete((o, e) -> {
                    try {
                        Files.deleteIfExists(archive);
                    } catch (IOException ignored) {
                        // a temporary file; the OS cleans it up eventually
                    }
                });
    }

    private CompletableFuture<AsyncStorageObject> upload(String name, ObjectContentType type,
                                                         Function<AsyncStorageObject, CompletableFuture<Void>> put) {
        Checks.notBlank("name", name);
        return create(ObjectCreateParams.builder().name(name).contentType(type).metadata(metadata)
                .ttlMs(ttl == null ? null : ttl.toMillis()).build())
                .thenCompose(o -> put.apply(o).thenCompose(v -> o.complete()).thenApply(v -> o));
    }

    /**
     * @param id an object id
     * @return a handle (no request is made; it cannot upload)
     */
    public AsyncStorageObject fromId(String id) {
        return new AsyncStorageObject(ctx, id, null);
    }

    /** @return the objects of the first page */
    public CompletableFuture<List<AsyncStorageObject>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the objects of the first page
     */
    public CompletableFuture<List<AsyncStorageObject>> list(ObjectListParams params) {
        return ctx.client().objects().async().list(params, null)
                .thenApply(page -> page.objects().stream().map(v -> new AsyncStorageObject(ctx, v.id(), null)).toList());
    }

    /**
     * @param fileName a file name
     * @return the content type the upload helpers would use for it
     */
    public static ObjectContentType detectContentType(String fileName) {
        return ContentTypes.detect(Checks.notNull("fileName", fileName));
    }
}
