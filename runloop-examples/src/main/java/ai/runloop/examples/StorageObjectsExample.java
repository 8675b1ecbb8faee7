package ai.runloop.examples;

import ai.runloop.model.objects.ObjectContentType;
import ai.runloop.model.objects.ObjectCreateParams;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.StorageObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Storage objects: upload text, bytes, files and directories; the manual three steps; downloads. */
public final class StorageObjectsExample {
    private StorageObjectsExample() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        try (Connection c = Connection.open()) {
            run(c.sdk());
        }
    }

    static void run(RunloopSDK sdk) {
        try {
            StorageObject text = sdk.storageObject().uploadFromText("notes.txt", "hello");
            StorageObject bytes = sdk.storageObject().uploadFromBytes("blob", new byte[]{1, 2}, ObjectContentType.BINARY);
            Path dir = Files.createTempDirectory("project");
            Files.writeString(dir.resolve("main.py"), "print('hi')\n");
            StorageObject archive = sdk.storageObject().uploadFromDir(dir);          // project*.tar.gz, type tgz
            StorageObject labelled = sdk.storageObject().withUploadOptions(java.util.Map.of("run", "42"),
                    java.time.Duration.ofHours(1)).uploadFromText("log.txt", "...");   // metadata and a lifetime
            labelled.delete();
            StorageObject file = sdk.storageObject().uploadFromFile(dir.resolve("main.py")); // type from extension

            // The three steps by hand: create, upload to the presigned URL, complete.
            StorageObject manual = sdk.storageObject().create(ObjectCreateParams.builder().name("manual.txt")
                    .contentType(ObjectContentType.TEXT).build());
            manual.uploadContent("step by step");
            manual.complete();

            System.out.println(text.downloadAsText() + " " + bytes.downloadAsBytes().length + " "
                    + manual.downloadAsText() + " " + archive.getDownloadUrl());
            file.downloadToFile(dir.resolve("copy.py"));
            for (StorageObject o : new StorageObject[]{text, bytes, archive, file, manual}) {
                o.delete();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
