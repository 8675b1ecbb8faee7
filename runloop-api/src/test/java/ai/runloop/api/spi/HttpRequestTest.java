package ai.runloop.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpRequestTest {

    private static final URI URI_ = URI.create("http://127.0.0.1:1/v1/devboxes");

    @Test
    void defaultsToGetWithoutBodyAsApiCall() {
        HttpRequest request = HttpRequest.newBuilder(URI_).build();
        assertEquals("GET", request.method());
        assertEquals(0, request.body().contentLength());
        assertEquals(RequestKind.API, request.kind());
        assertTrue(request.timeout().isEmpty());
        assertFalse(request.streamResponse());
    }

    @Test
    void bodyContentTypeBecomesHeaderUnlessSet() {
        HttpRequest request = HttpRequest.newBuilder(URI_)
                .method("post", RequestBody.ofBytes("{}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .build();
        assertEquals("POST", request.method());
        assertEquals("application/json", request.headers().firstValue("content-type").orElseThrow());

        HttpRequest explicit = HttpRequest.newBuilder(URI_)
                .header("Content-Type", "text/plain")
                .method("POST", RequestBody.ofBytes(new byte[1], "application/json"))
                .build();
        assertEquals(List.of("text/plain"), explicit.headers().allValues("CONTENT-TYPE"));
    }

    @Test
    void rejectsHeadersTheTransportManagesAndBadValues() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI_);
        assertThrows(IllegalArgumentException.class, () -> builder.header("Content-Length", "3"));
        assertThrows(IllegalArgumentException.class, () -> builder.header("host", "x"));
        assertThrows(IllegalArgumentException.class, () -> builder.header("X-Ok", "a\r\nX-Injected: 1"));
        assertThrows(IllegalArgumentException.class, () -> builder.header("Bad Name", "v"));
        assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> HttpRequest.newBuilder(URI.create("ftp://h/x")));
        assertThrows(IllegalArgumentException.class, () -> HttpRequest.newBuilder(URI.create("/relative")));
    }

    @Test
    void toStringRedactsCredentials() {
        HttpRequest request = HttpRequest.newBuilder(URI_).header("Authorization", "Bearer secret-key").build();
        assertFalse(request.toString().contains("secret-key"), request.toString());
        assertFalse(request.headers().toString().contains("secret-key"));
        assertEquals("Bearer secret-key", request.headers().firstValue("authorization").orElseThrow());
    }

    @Test
    void bytesAndFilesAreReplayablePublishersAreNot(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[1234]);
        assertTrue(RequestBody.empty().isReplayable());
        assertTrue(RequestBody.ofBytes(new byte[3], null).isReplayable());
        assertTrue(RequestBody.ofFile(file, null).isReplayable());
        assertEquals(1234, RequestBody.ofFile(file, null).contentLength());
        try (SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>()) {
            RequestBody body = RequestBody.ofPublisher(publisher, 10, "application/octet-stream");
            assertFalse(body.isReplayable());
            assertEquals(10, body.contentLength());
        }
        assertThrows(IllegalArgumentException.class, () -> RequestBody.ofFile(dir, null));
    }

    @Test
    void bytesBodyIsCopiedOnTheWayIn() {
        byte[] bytes = {1, 2, 3};
        RequestBody.Bytes body = (RequestBody.Bytes) RequestBody.ofBytes(bytes, null);
        bytes[0] = 9;
        assertEquals(1, body.toByteArray()[0]);
        assertEquals(1, body.buffer().get(0));
    }

    @Test
    void aRequestFromOriginAndTargetIsTheRequestFromTheWholeUri() {
        String[][] cases = {
                {"http://127.0.0.1:8080", "/v1/devboxes/dbx_1", "http://127.0.0.1:8080/v1/devboxes/dbx_1"},
                {"https://api.runloop.ai/", "/v1/devboxes?limit=5&starting_after=a%20b", "https://api.runloop.ai/v1/devboxes?limit=5&starting_after=a%20b"},
                {"HTTP://[::1]:9", "/", "http://[::1]:9/"},
                {"http://example.com", "/a/b;c=d:e@f/~x?q=1?2&r=%2F", "http://example.com/a/b;c=d:e@f/~x?q=1?2&r=%2F"},
        };
        for (String[] c : cases) {
            HttpRequest parts = HttpRequest.newBuilder(URI.create(c[0]), c[1]).build();
            HttpRequest whole = HttpRequest.newBuilder(URI.create(c[2])).build();
            for (HttpRequest request : List.of(parts, whole, parts.toBuilder().build())) {
                assertEquals(whole.scheme(), request.scheme(), c[2]);
                assertEquals(URI.create(c[2]).getHost(), request.host(), c[2]);
                assertEquals(whole.port(), request.port(), c[2]);
                assertEquals(c[1], request.target(), c[2]);
                assertEquals(URI.create(c[2]).normalize().toString().toLowerCase(java.util.Locale.ROOT),
                        request.uri().toString().toLowerCase(java.util.Locale.ROOT), c[2]);
            }
        }
        assertEquals(443, HttpRequest.newBuilder(URI.create("https://h"), "/").build().port());
        assertEquals(80, HttpRequest.newBuilder(URI.create("http://h/x")).build().port());
        assertEquals("/", HttpRequest.newBuilder(URI.create("http://h")).build().target());
    }

    @Test
    void rejectsAnOriginWithAPathAndATargetThatIsNotPercentEncoded() {
        for (String origin : List.of("http://h/api", "http://h?q", "ftp://h", "mailto:x@y")) {
            assertThrows(IllegalArgumentException.class, () -> HttpRequest.newBuilder(URI.create(origin), "/"), origin);
        }
        for (String target : List.of("", "v1", "/a b", "/a#frag", "/%zz", "/%4", "/é", "/a\nb", "/\"")) {
            assertThrows(IllegalArgumentException.class, () -> HttpRequest.newBuilder(URI.create("http://h"), target),
                    target);
        }
    }
}
