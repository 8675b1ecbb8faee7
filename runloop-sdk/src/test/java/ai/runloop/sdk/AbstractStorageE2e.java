package ai.runloop.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.model.objects.ObjectContentType;
import ai.runloop.model.objects.ObjectCreateParams;
import ai.runloop.model.objects.ObjectState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage objects: round trips of text, bytes, a 50 MiB file and a directory, in both flavours. */
abstract class AbstractStorageE2e extends E2eBase {

    @Test
    void textRoundTrip() {
        StorageObject o = sdk.storageObject().uploadFromText("greeting.txt", "héllo wörld 🌍");
        assertEquals(ObjectState.READ_ONLY, o.getInfo().state());
        assertEquals(ObjectContentType.TEXT, o.getInfo().contentType());
        assertEquals("héllo wörld 🌍", o.downloadAsText());
        assertEquals("héllo wörld 🌍", await(o.async().downloadAsText()));
        assertTrue(sdk.storageObject().list().contains(o));
        assertEquals(ObjectState.DELETED, o.delete().state());
    }

    @Test
    void uploadOptionsSetMetadataAndLifetime() {
        StorageObject o = sdk.storageObject().withUploadOptions(java.util.Map.of("run", "42"), java.time.Duration.ofHours(1))
                .uploadFromText("labelled.txt", "x");
        assertEquals(java.util.Map.of("run", "42"), o.getInfo().metadata());
        assertEquals(3_600_000L, o.getInfo().deleteAfterTimeMs() - o.getInfo().createTimeMs());
        o.delete();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sdk.storageObject().withUploadOptions(null, java.time.Duration.ZERO));
        assertTrue(e.getMessage().contains("ttl"), e.getMessage());
    }

    @Test
    void bytesRoundTrip() {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        StorageObject o = sdk.storageObject().uploadFromBytes("blob", bytes, ObjectContentType.BINARY);
        assertArrayEquals(bytes, o.downloadAsBytes());
        AsyncStorageObject a = await(asyncSdk.storageObject().uploadFromBytes("blob2", bytes, ObjectContentType.BINARY));
        assertArrayEquals(bytes, await(a.downloadAsBytes()));
        assertEquals(bytes.length, await(a.getInfo()).sizeBytes());
        await(a.delete());
        o.delete();
    }

    @Test
    void fiftyMebibyteFileRoundTrip(@TempDir Path tmp) throws IOException {
        Path big = tmp.resolve("big.bin");
        byte[] block = new byte[1 << 20];
        Random random = new Random(42);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 50; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        StorageObject o = sdk.storageObject().uploadFromFile(big);
        assertEquals(ObjectContentType.UNSPECIFIED, o.getInfo().contentType());
        assertEquals(50L << 20, o.getInfo().sizeBytes());
        Path back = tmp.resolve("back.bin");
        assertEquals(back, o.downloadToFile(back));
        assertEquals(-1, Files.mismatch(big, back));
        Path back2 = tmp.resolve("back2.bin");
        await(o.async().downloadToFile(back2));
        assertEquals(-1, Files.mismatch(big, back2));
        o.delete();
    }

    @Test
    void directoryRoundTripAsTarGz(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("README.md"), "# hi\n");
        Path deep = Files.createDirectories(dir.resolve("src/main/" + "x".repeat(60) + "/" + "y".repeat(60)));
        Files.writeString(deep.resolve("Deep.java"), "class Deep {}\n");
        Files.write(dir.resolve("data.bin"), new byte[]{0, 1, 2, (byte) 255});
        StorageObject o = sdk.storageObject().uploadFromDir(dir);
        assertEquals(ObjectContentType.TGZ, o.getInfo().contentType());
        assertEquals("project.tar.gz", o.getInfo().name());
        Path archive = o.downloadToFile(tmp.resolve("back.tar.gz"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", out.toString())
                .redirectErrorStream(true).start();
        assertTrue(tar.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, tar.exitValue(), new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("# hi\n", Files.readString(out.resolve("README.md")));
        assertEquals("class Deep {}\n", Files.readString(out.resolve(dir.relativize(deep)).resolve("Deep.java")));
        assertArrayEquals(new byte[]{0, 1, 2, (byte) 255}, Files.readAllBytes(out.resolve("data.bin")));

        AsyncStorageObject a = await(asyncSdk.storageObject().uploadFromDir(dir, "named.tgz"));
        assertEquals(ObjectContentType.TGZ, await(a.getInfo()).contentType());
        await(a.delete());
        o.delete();
    }

    @Test
    void directoryUploadsLeaveOutWhatTheIgnoreRulesName(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".dockerignore"), "# not in the build context\nnode_modules\n*.log\n!keep.log\n");
        Files.writeString(Files.createDirectories(dir.resolve("node_modules/pkg")).resolve("index.js"), "x");
        Files.writeString(dir.resolve("debug.log"), "noise");
        Files.writeString(dir.resolve("keep.log"), "kept");
        Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("app.py"), "print(1)");

        assertEquals(List.of(".dockerignore", "Dockerfile", "keep.log", "src/", "src/app.py"),
                members(sdk.storageObject().uploadFromDir(dir), tmp.resolve("default.tgz")));
        assertEquals(List.of("Dockerfile", "src/", "src/app.py"), members(sdk.storageObject().uploadFromDir(dir, "p.tgz",
                DirFilter.patterns(".dockerignore", "*.log", "node_modules")), tmp.resolve("patterns.tgz")));
        List<String> everything = members(sdk.storageObject().uploadFromDir(dir, "all.tgz",
                DirFilter.everything().including(p -> !p.startsWith("src"))), tmp.resolve("all.tgz"));
        assertEquals(List.of(".dockerignore", "Dockerfile", "debug.log", "keep.log", "node_modules/",
                "node_modules/pkg/", "node_modules/pkg/index.js"), everything);
        assertThrows(IllegalArgumentException.class, () -> DirFilter.patterns("src/[ab"));
    }

    /** @return the member names of an uploaded tar.gz, as {@code tar -t} lists them, sorted */
    private static List<String> members(StorageObject archive, Path into) throws Exception {
        archive.downloadToFile(into);
        archive.delete();
        Process tar = new ProcessBuilder("tar", "-tzf", into.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, tar.exitValue(), listing);
        return listing.lines().sorted().toList();
    }

    @Test
    void manualCreateUploadComplete(@TempDir Path tmp) throws IOException {
        StorageObject o = sdk.storageObject().create(ObjectCreateParams.builder().name("manual.txt")
                .contentType(ObjectContentType.TEXT).build());
        assertNotNull(o.uploadUrl());
        assertEquals(ObjectState.UPLOADING, o.getInfo().state());
        o.uploadContent("manual content");
        assertEquals(ObjectState.READ_ONLY, o.complete().state());
        assertEquals("manual content", o.downloadAsText());
        String url = o.getDownloadUrl(Duration.ofMinutes(5));
        assertTrue(url.startsWith("http"), url);
        assertTrue(o.getDownloadUrl().startsWith("http"));

        StorageObject fromId = sdk.storageObject().fromId(o.id());
        assertNull(fromId.uploadUrl());
        assertThrows(IllegalStateException.class, () -> fromId.uploadContent("x"));
        assertEquals("manual content", fromId.downloadAsText());

        Path file = Files.writeString(tmp.resolve("f.json"), "{}");
        StorageObject b = sdk.storageObject().create(ObjectCreateParams.builder().name("b")
                .contentType(ObjectContentType.BINARY).build());
        b.uploadContent(new byte[]{9, 8});
        b.complete();
        assertArrayEquals(new byte[]{9, 8}, b.downloadAsBytes());
        StorageObject f = sdk.storageObject().create(ObjectCreateParams.builder().name("f.json")
                .contentType(ObjectContentType.TEXT).build());
        f.uploadContent(file);
        f.complete();
        assertEquals("{}", f.downloadAsText());
        assertEquals(ObjectContentType.TEXT, sdk.storageObject().uploadFromFile(file, "renamed.json").getInfo().contentType());

        AsyncStorageObject a = await(asyncSdk.storageObject().create(ObjectCreateParams.builder().name("a")
                .contentType(ObjectContentType.TEXT).build()));
        await(a.uploadContent("async manual"));
        await(a.complete());
        assertEquals("async manual", await(asyncSdk.storageObject().fromId(a.id()).downloadAsText()));
        assertTrue(await(a.getDownloadUrl()).startsWith("http"));
        assertTrue(await(asyncSdk.storageObject().list()).contains(a));
        await(asyncSdk.storageObject().uploadFromText("t.txt", "t").thenCompose(AsyncStorageObject::delete));
        await(asyncSdk.storageObject().uploadFromFile(file).thenCompose(AsyncStorageObject::delete));
        await(asyncSdk.storageObject().uploadFromFile(file, "g.json").thenCompose(AsyncStorageObject::delete));
    }

    @Test
    void contentTypeDetection() {
        assertEquals(ObjectContentType.TGZ, AsyncStorageObjectOps.detectContentType("a.tar.gz"));
        assertEquals(ObjectContentType.TGZ, AsyncStorageObjectOps.detectContentType("a.TGZ"));
        assertEquals(ObjectContentType.GZIP, AsyncStorageObjectOps.detectContentType("a.gz"));
        assertEquals(ObjectContentType.TAR, AsyncStorageObjectOps.detectContentType("a.tar"));
        for (String ext : new String[]{"txt", "html", "css", "js", "json", "xml", "yaml", "yml", "md", "csv"}) {
            assertEquals(ObjectContentType.TEXT, AsyncStorageObjectOps.detectContentType("f." + ext), ext);
        }
        assertEquals(ObjectContentType.UNSPECIFIED, AsyncStorageObjectOps.detectContentType("a.bin"));
        assertEquals(ObjectContentType.UNSPECIFIED, AsyncStorageObjectOps.detectContentType("Makefile"));
    }

    @Test
    void badInputNamesTheField(@TempDir Path tmp) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sdk.storageObject().uploadFromFile(tmp.resolve("missing.bin")));
        assertTrue(e.getMessage().contains("file") && e.getMessage().contains("missing.bin"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sdk.storageObject().uploadFromDir(tmp.resolve("nodir")));
        assertTrue(e.getMessage().contains("dir"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sdk.storageObject().uploadFromText(" ", "x"));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }
}
