package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.runloop.emulator.junit.RunloopEmulatorTest;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@RunloopEmulatorTest
class FilesTest {
    static Http http;
    static String devbox;

    @BeforeAll
    static void devbox(RunloopEmulator emulator) {
        http = new Http(emulator);
        devbox = http.runningDevbox(new JsonObject()).getString("id");
    }

    @Test
    void writesAndReadsText() {
        http.postOk("/v1/devboxes/" + devbox + "/write_file_contents",
                new JsonObject().put("file_path", "notes/a.txt").put("contents", "grüß\n"));
        HttpResponse<String> r = http.post("/v1/devboxes/" + devbox + "/read_file_contents",
                new JsonObject().put("file_path", "~/notes/a.txt"));
        assertEquals(200, r.statusCode());
        assertEquals("grüß\n", r.body());
        assertEquals(404, http.post("/v1/devboxes/" + devbox + "/read_file_contents",
                new JsonObject().put("file_path", "missing.txt")).statusCode());
    }

    @Test
    void uploadsMultipartAndDownloadsBytes() throws Exception {
        byte[] data = {0, 1, 2, (byte) 0xff, 10};
        String boundary = "----emulatortest";
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\nbin/data.bin\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(data);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> up = http.send(http.request("/v1/devboxes/" + devbox + "/upload_file")
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertEquals(200, up.statusCode(), up.body());
        HttpResponse<byte[]> down = http.client.send(http.request("/v1/devboxes/" + devbox + "/download_file")
                .header("Accept", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("path", "bin/data.bin").encode())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, down.statusCode());
        assertArrayEquals(data, down.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "/etc/passwd", "a/../../x", "~/../../x", "/home/user/../other"})
    void rejectsPathsLeavingTheDevbox(String path) {
        HttpResponse<String> r = http.post("/v1/devboxes/" + devbox + "/write_file_contents",
                new JsonObject().put("file_path", path).put("contents", "x"));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("file_path", new JsonObject(r.body()).getString("param"));
    }

    @Test
    void rejectsSymlinkEscapes(RunloopEmulator emulator) throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        http.exec(devbox, "ln -s " + outside + " link", null);
        HttpResponse<String> read = http.post("/v1/devboxes/" + devbox + "/read_file_contents",
                new JsonObject().put("file_path", "link/secret.txt"));
        assertEquals(400, read.statusCode(), read.body());
        HttpResponse<String> write = http.post("/v1/devboxes/" + devbox + "/write_file_contents",
                new JsonObject().put("file_path", "link/new.txt").put("contents", "x"));
        assertEquals(400, write.statusCode());
        assertEquals(false, Files.exists(outside.resolve("new.txt")));
    }
}
