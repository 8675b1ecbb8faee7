package ai.runloop.sdk;

import ai.runloop.sdk.internal.Blocking;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Files on a devbox (blocking flavour; wraps {@link AsyncFileOps}). Paths are relative to the home directory. */
public final class FileOps {
    private final AsyncFileOps async;

    FileOps(AsyncFileOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public AsyncFileOps async() {
        return async;
    }

    /**
     * @param path a text file on the devbox
     * @return its UTF-8 text
     */
    public String read(String path) {
        return Blocking.call("file.read", () -> async.read(path));
    }

    /**
     * @param path     a file on the devbox
     * @param contents its new text
     */
    public void write(String path, String contents) {
        Blocking.call("file.write", () -> async.write(path, contents));
    }

    /**
     * @param path  the destination on the devbox
     * @param local a local file, streamed
     */
    public void upload(String path, Path local) {
        Blocking.call("file.upload", () -> async.upload(path, local));
    }

    /**
     * @param path  the destination on the devbox
     * @param bytes the content
     */
    public void upload(String path, byte[] bytes) {
        Blocking.call("file.upload", () -> async.upload(path, bytes));
    }

    /**
     * @param path   the destination on the devbox
     * @param opener opens the content (again on a retry)
     * @param length the exact number of bytes
     */
    public void upload(String path, Supplier<InputStream> opener, long length) {
        Blocking.call("file.upload", () -> async.upload(path, opener, length));
    }

    /**
     * @param path a file on the devbox
     * @return its bytes
     */
    public byte[] download(String path) {
        return Blocking.call("file.download", () -> async.download(path));
    }

    /**
     * @param path   a file on the devbox
     * @param target the local file (replaced)
     * @return the number of bytes written
     */
    public long downloadTo(String path, Path target) {
        return Blocking.call("file.downloadTo", () -> async.downloadTo(path, target));
    }

    /**
     * @param path a file on the devbox
     * @return a stream of its bytes; close it
     */
    public InputStream downloadStream(String path) {
        return Blocking.call("file.downloadStream", () -> async.downloadStream(path));
    }
}
