package ai.runloop.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.errors.ApiStatusException;
import ai.runloop.api.errors.AuthenticationException;
import ai.runloop.api.errors.RunloopException;
import ai.runloop.api.errors.RunloopTimeoutException;
import ai.runloop.emulator.FaultRule;
import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.model.objects.ObjectContentType;
import ai.runloop.sdk.Devbox;
import ai.runloop.sdk.ExecOptions;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.StorageObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API key never leaks: not in a log line at any level, an exception (message, causes,
 * suppressed, stack trace text), a {@code toString()}, nor in any request to a host other than the
 * base URL — presigned upload and download URLs on a second loopback server, and 3xx redirects to
 * another host, which the transports do not follow.
 */
class SecretsTest {
    static List<String> transports() {
        return Sdks.TRANSPORTS;
    }

    /** Captures every record of every logger (java.util.logging, where System.Logger goes by default). */
    static final class Capture extends Handler implements AutoCloseable {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Logger root = Logger.getLogger("");
        private final Level previous = root.getLevel();
        private final SimpleFormatter formatter = new SimpleFormatter();

        Capture() {
            setLevel(Level.ALL);
            root.setLevel(Level.ALL);
            root.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record) + " raw=" + record.getMessage() + " params="
                    + (record.getParameters() == null ? "" : java.util.Arrays.asList(record.getParameters())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            root.removeHandler(this);
            root.setLevel(previous);
        }
    }

    static String everything(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out + " " + e;
    }

    static void assertNoKey(String where, String text) {
        assertFalse(text.contains(Sdks.FAKE_KEY), () -> "the API key leaked into " + where + ": " + text);
        assertFalse(text.contains("FAKE-KEY-0123456789"), () -> "part of the API key leaked into " + where);
    }

    @ParameterizedTest(name = "no key in logs, errors or toString on {0}")
    @MethodSource("transports")
    void noKeyInLogsExceptionsOrToString(String transport) {
        List<Throwable> errors = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Capture logs = new Capture();
             RunloopEmulator emulator = RunloopEmulator.builder().token(Sdks.FAKE_KEY)
                     .statusDelay(Duration.ofMillis(5)).build().start();
             RunloopSDK sdk = Sdks.sdk(transport, emulator.baseUrl(), Sdks.FAKE_KEY, Duration.ofSeconds(20))) {
            // Successful work, with retries, replays and a cut stream so that every log path runs.
            emulator.faults().add(FaultRule.on("*", "/v1/**").sequence(503, 0, 429, 0, 500).retryAfterMillis(1).build());
            emulator.faults().add(FaultRule.on("GET", "/v1/devboxes/*/executions/*/stream_stdout_updates")
                    .cutStreamAfterBytes(10).times(1).build());
            Devbox box = sdk.devbox().create();
            box.cmd().exec("seq 1 50", ExecOptions.builder().stdout(line -> { }).build());
            box.file().write("a.txt", "hello");
            StorageObject o = sdk.storageObject().uploadFromBytes("o", new byte[]{1, 2}, ObjectContentType.BINARY);
            o.downloadAsBytes();
            texts.add(sdk.toString());
            texts.add(sdk.async().toString());
            texts.add(sdk.api().toString());
            texts.add(box.toString());
            texts.add(box.cmd().toString());
            texts.add(o.toString());
            texts.add(Sdks.transport(transport).toString());

            // Failures of every kind.
            errors.add(assertThrows(RunloopException.class, () -> sdk.devbox().fromId("dbx_nope").getInfo()));
            emulator.faults().clear();
            emulator.faults().add(FaultRule.on("*", "/v1/**").status(500).build());
            errors.add(assertThrows(RunloopException.class, () -> sdk.devbox().list()));
            emulator.faults().clear();
            try (RunloopSDK wrong = Sdks.sdk(transport, emulator.baseUrl(), Sdks.FAKE_KEY + "x", Duration.ofSeconds(5))) {
                errors.add(assertThrows(AuthenticationException.class, () -> wrong.devbox().list()));
                texts.add(wrong.toString());
            }
            try (RunloopSDK other = Sdks.sdk(transport, emulator.baseUrl(), "other-token", Duration.ofSeconds(5))) {
                // The server answered 401 to a different key: the message must not quote the real one either.
                errors.add(assertThrows(AuthenticationException.class, () -> other.devbox().list()));
            }
            try (HangingServer silent = new HangingServer();
                 RunloopSDK slow = Sdks.sdk(transport, silent.baseUrl(), Sdks.FAKE_KEY, Duration.ofMillis(200))) {
                errors.add(assertThrows(RunloopTimeoutException.class, () -> slow.devbox().fromId("dbx_1").getInfo()));
            }
            try (RunloopSDK nowhere = Sdks.sdk(transport, java.net.URI.create("http://127.0.0.1:1"), Sdks.FAKE_KEY,
                    Duration.ofSeconds(2))) {
                errors.add(assertThrows(RunloopException.class, () -> nowhere.devbox().list()));
            }
            // A server (or proxy) that echoes the request's headers into its error body.
            try (StubServer echo = new StubServer(r -> StubServer.Reply.json(400,
                    "{\"message\":\"bad request " + r.headers().toString().replace("\"", "'") + "\"}"));
                 RunloopSDK sdk2 = Sdks.sdk(transport, echo.baseUrl(), Sdks.FAKE_KEY, Duration.ofSeconds(5))) {
                ApiStatusException e = assertThrows(ApiStatusException.class, () -> sdk2.devbox().list());
                assertTrue(e.body().contains("<redacted>") || !e.body().contains(Sdks.FAKE_KEY), "body redacted");
                errors.add(e);
            }

            assertTrue(logs.lines.size() > 20, "the capture saw the library's logging: " + logs.lines.size());
            assertTrue(logs.lines.stream().anyMatch(l -> l.contains("Authorization")),
                    "request headers are logged at DEBUG (redacted), so this test can see a leak");
            synchronized (logs.lines) {
                for (String line : logs.lines) {
                    assertNoKey("a log line", line);
                }
            }
        }
        for (Throwable e : errors) {
            assertNoKey("an exception", everything(e));
        }
        for (String text : texts) {
            assertNoKey("a toString()", text);
        }
    }

    @ParameterizedTest(name = "presigned URLs get no key on {0}")
    @MethodSource("transports")
    void presignedUrlsOnAnotherHostGetNoAuthorization(String transport) {
        byte[] content = "stored bytes".getBytes(StandardCharsets.UTF_8);
        try (StubServer storage = new StubServer(r -> r.rawUri().startsWith("/redirected")
                ? StubServer.Reply.of(200, "application/octet-stream", content)
                : r.method().equals("GET") ? new StubServer.Reply(302, Map.of("Location", "/redirected?sig=2"), new byte[0])
                : StubServer.Reply.of(200, "text/plain", new byte[0]));
             StubServer api = new StubServer(r -> {
                 String object = "{\"id\":\"obj_1\",\"name\":\"o\",\"content_type\":\"binary\",\"create_time_ms\":1,"
                         + "\"state\":\"%s\",\"size_bytes\":12}";
                 if (r.method().equals("POST") && r.rawUri().equals("/v1/objects")) {
                     return StubServer.Reply.json(200, String.format(object, "UPLOADING").replace("}",
                             ",\"upload_url\":\"" + storage.baseUrl() + "/upload?sig=1\"}"));
                 }
                 if (r.rawUri().startsWith("/v1/objects/obj_1/download")) {
                     return StubServer.Reply.json(200, "{\"download_url\":\"" + storage.baseUrl() + "/download?sig=1\"}");
                 }
                 return StubServer.Reply.json(200, String.format(object, "READ_ONLY"));
             });
             RunloopSDK sdk = Sdks.sdk(transport, api.baseUrl(), Sdks.FAKE_KEY, Duration.ofSeconds(10))) {
            StorageObject o = sdk.storageObject().uploadFromBytes("o", content, ObjectContentType.BINARY);
            assertArrayEquals(content, o.downloadAsBytes());

            assertTrue(api.requests().stream().allMatch(r -> r.headers().containsKey("Authorization")),
                    "the base URL gets the key");
            List<StubServer.Request> stored = storage.requests();
            assertEquals(List.of("PUT", "GET", "GET"), stored.stream().map(StubServer.Request::method).toList(),
                    "upload, download and its redirect reached the storage host");
            for (StubServer.Request r : stored) {
                assertFalse(r.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization")),
                        "Authorization sent to the storage host: " + r.headers().keySet());
                assertNoKey("a request to the storage host", r.allText());
            }
        }
    }

    @ParameterizedTest(name = "presigned file PUT and GET carry no API header on {0}")
    @MethodSource("transports")
    void presignedFileTransfersCarryNoApiHeader(String transport, @TempDir Path tmp) throws IOException {
        byte[] content = new byte[3 << 20];
        new Random(11).nextBytes(content);
        Path file = Files.write(tmp.resolve("upload.bin"), content);
        try (StubServer storage = new StubServer(r -> r.method().equals("PUT")
                ? StubServer.Reply.of(200, null, new byte[0])
                : StubServer.Reply.of(200, "application/octet-stream", content));
             StubServer api = new StubServer(r -> {
                 String object = "{\"id\":\"obj_2\",\"name\":\"o\",\"content_type\":\"binary\",\"create_time_ms\":1,"
                         + "\"state\":\"%s\"}";
                 if (r.method().equals("POST") && r.rawUri().equals("/v1/objects")) {
                     return StubServer.Reply.json(200, String.format(object, "UPLOADING").replace("}",
                             ",\"upload_url\":\"" + storage.baseUrl() + "/bucket/obj_2?X-Signature=put\"}"));
                 }
                 if (r.rawUri().startsWith("/v1/objects/obj_2/download")) {
                     return StubServer.Reply.json(200, "{\"download_url\":\"" + storage.baseUrl()
                             + "/bucket/obj_2?X-Signature=get\"}");
                 }
                 return StubServer.Reply.json(200, String.format(object, "READ_ONLY"));
             });
             RunloopSDK sdk = RunloopSDK.builder().environment(Map.of()).baseUrl(api.baseUrl().toString())
                     .apiKey(Sdks.FAKE_KEY).transport(Sdks.transport(transport)).header("X-Team", "blue").build()) {
            StorageObject o = sdk.storageObject().uploadFromFile(file);
            Path back = o.downloadToFile(tmp.resolve("back.bin"));
            assertEquals(-1, Files.mismatch(file, back), "the download is the uploaded file");

            List<StubServer.Request> stored = storage.requests();
            assertEquals(List.of("PUT", "GET"), stored.stream().map(StubServer.Request::method).toList());
            assertArrayEquals(content, stored.get(0).body(), "the storage host got the file's bytes");
            for (StubServer.Request r : stored) {
                for (String header : r.headers().keySet()) {
                    String name = header.toLowerCase(java.util.Locale.ROOT);
                    assertFalse(name.equals("authorization") || name.startsWith("x-stainless") || name.equals("x-team")
                            || name.equals("x-request-id"), "API header " + header + " sent to the storage host");
                }
                assertFalse(r.headers().entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("user-agent")
                        && h.getValue().toString().contains("Runloop")), "the SDK's User-Agent went to the storage host");
                assertNoKey("a request to the storage host", r.allText());
            }
            // The same SDK did send its headers to the API: the checks above would see them.
            assertTrue(api.requests().stream().allMatch(r -> r.headers().containsKey("Authorization")
                    && r.headers().containsKey("X-team")), "the base URL gets the key and the custom header");
        }
    }

    @ParameterizedTest(name = "redirects are not followed on {0}")
    @MethodSource("transports")
    void aRedirectToAnotherHostIsNotFollowed(String transport) {
        try (StubServer elsewhere = new StubServer(r -> StubServer.Reply.json(200, "{\"devboxes\":[],\"has_more\":false}"));
             StubServer api = new StubServer(r -> new StubServer.Reply(r.method().equals("GET") ? 302 : 307,
                     Map.of("Location", elsewhere.baseUrl() + r.rawUri()), new byte[0]));
             RunloopSDK sdk = Sdks.sdk(transport, api.baseUrl(), Sdks.FAKE_KEY, Duration.ofSeconds(10))) {
            ApiStatusException get = assertThrows(ApiStatusException.class, () -> sdk.devbox().list());
            assertEquals(302, get.status());
            ApiStatusException post = assertThrows(ApiStatusException.class,
                    () -> sdk.devbox().fromId("dbx_1").file().write("a", "b"));
            assertEquals(307, post.status());
            assertEquals(List.of(), elsewhere.requests(), "the transport followed a redirect to another host");
            assertNoKey("a redirect error", everything(get) + everything(post));
        }
    }

    @Test
    void aRecognisableKeyIsWhatTheTestsLookFor() {
        // Guards the guard: the capture and the assertions would see the key if it were printed.
        assertThrows(AssertionError.class, () -> assertNoKey("a sample", "Bearer " + Sdks.FAKE_KEY));
        RuntimeException leaky = new RuntimeException("key=" + Sdks.FAKE_KEY);
        assertInstanceOf(AssertionError.class, assertThrows(AssertionError.class,
                () -> assertNoKey("a sample", everything(new RuntimeException("x", leaky)))));
    }
}
