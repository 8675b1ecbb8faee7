package ai.runloop.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads and downloads far larger than the emulator's heap: the emulator runs in its own JVM with
 * {@code -Xmx64m} and must stream multipart uploads, presigned PUTs and downloads between socket and
 * disk. The size is 256 MiB by default; run with {@code -Drunloop.emulator.largeUploadBytes=1073741824}
 * for the full 1 GiB.
 */
class LargeUploadTest {
    private static final long SIZE = Long.getLong("runloop.emulator.largeUploadBytes", 256L << 20);
    private static ForkedEmulator emulator;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        emulator = new ForkedEmulator("-Xmx64m");
        http = new Http(emulator.url, emulator.token, HttpClient.Version.HTTP_1_1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** A generated stream of {@code size} bytes (no disk, no memory), and its MD5 once read. */
    private static final class Pattern extends InputStream {
        private final long size;
        private final MessageDigest md5;
        private long pos;

        Pattern(long size) throws Exception {
            this.size = size;
            this.md5 = MessageDigest.getInstance("MD5");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((pos + i) % 251);
            }
            md5.update(b, off, n);
            pos += n;
            return n;
        }

        String hex() {
            return HexFormat.of().formatHex(md5.digest());
        }
    }

    private static String md5(InputStream in) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; total += n) {
            md5.update(buf, 0, n);
        }
        assertEquals(SIZE, total, "downloaded bytes");
        return HexFormat.of().formatHex(md5.digest());
    }

    @Test
    void multipartUploadAndDownloadStreamThroughASmallHeap() throws Exception {
        String dbx = http.runningDevbox(new JsonObject()).getString("id");
        String boundary = "big" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\nbig.bin\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Pattern data = new Pattern(SIZE);
        HttpResponse<String> up = http.send(http.request("/v1/devboxes/" + dbx + "/upload_file")
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        List.of(new ByteArrayInputStream(head), data, new ByteArrayInputStream(tail)))))).build());
        assertEquals(200, up.statusCode(), up::body);
        HttpResponse<InputStream> down = http.client.send(http.request("/v1/devboxes/" + dbx + "/download_file")
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"big.bin\"}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, down.statusCode());
        try (InputStream in = down.body()) {
            assertEquals(data.hex(), md5(in));
        }
    }

    @Test
    void presignedPutAndGetStreamThroughASmallHeap() throws Exception {
        JsonObject o = http.postOk("/v1/objects", new JsonObject().put("name", "big.bin").put("content_type", "binary"));
        Pattern data = new Pattern(SIZE);
        HttpResponse<String> put = http.client.send(HttpRequest.newBuilder(URI.create(o.getString("upload_url")))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> data)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put::body);
        JsonObject done = http.postOk("/v1/objects/" + o.getString("id") + "/complete", null);
        assertEquals(SIZE, done.getLong("size_bytes"));
        String url = http.getOk("/v1/objects/" + o.getString("id") + "/download").getString("download_url");
        HttpResponse<InputStream> get = http.client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, get.statusCode());
        try (InputStream in = get.body()) {
            assertEquals(data.hex(), md5(in));
        }
    }
}
