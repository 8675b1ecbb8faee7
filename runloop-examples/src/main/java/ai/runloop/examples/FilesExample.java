package ai.runloop.examples;

import ai.runloop.sdk.Devbox;
import ai.runloop.sdk.RunloopSDK;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files on a devbox: text, uploads from bytes, files and streams, downloads to bytes, files and streams. */
public final class FilesExample {
    private FilesExample() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        try (Connection c = Connection.open()) {
            run(c.sdk());
        }
    }

    static void run(RunloopSDK sdk) {
        try (Devbox devbox = sdk.devbox().create()) {
            devbox.file().write("config/app.yaml", "port: 8080\n");
            System.out.println(devbox.file().read("config/app.yaml"));

            Path local = Files.createTempFile("example", ".bin");
            Files.write(local, new byte[]{1, 2, 3});
            devbox.file().upload("data/a.bin", local);                          // streamed from disk
            devbox.file().upload("data/b.bin", "bytes".getBytes(StandardCharsets.UTF_8));
            byte[] content = "from a stream".getBytes(StandardCharsets.UTF_8);
            devbox.file().upload("data/c.txt", () -> new ByteArrayInputStream(content), content.length);

            byte[] a = devbox.file().download("data/a.bin");
            long written = devbox.file().downloadTo("data/b.bin", local);       // streamed to disk
            try (InputStream in = devbox.file().downloadStream("data/c.txt")) {
                System.out.println(a.length + " " + written + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            Files.delete(local);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
