package ai.runloop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import ai.runloop.api.errors.NotFoundException;
import ai.runloop.api.errors.RunloopException;
import ai.runloop.model.devboxes.DevboxListParams;
import ai.runloop.model.devboxes.DevboxSnapshotDiskParams;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.devboxes.ExecutionStreamStdoutUpdatesParams;
import ai.runloop.model.networkpolicies.PortRule;
import ai.runloop.model.shared.LaunchParameters;
import ai.runloop.model.support.ValidationException;
import ai.runloop.sdk.RunloopSDK;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Bad input, generated with QuickTheories (fixed seeds): hostile ids, parameters that break the
 * reference's constraints, and malformed server bodies and event streams from a scripted loopback
 * server. Each case ends in a typed exception with a message ({@link RunloopException} subclasses,
 * {@link ValidationException} / {@link IllegalArgumentException} naming the field) or in a tolerant
 * success where DESIGN.md asks for one (unknown enum values and fields) — never a hang (a hang
 * detector bounds each case) and never an unchecked exception from inside the library.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final Duration HANG_DETECTOR = Duration.ofSeconds(30);
    private static final String VALID_DEVBOX = "{\"id\":\"dbx_1\",\"status\":\"running\",\"create_time_ms\":1,"
            + "\"capabilities\":[],\"launch_parameters\":{},\"metadata\":{\"k\":\"v\"},\"state_transitions\":[]}";

    private final AtomicReference<StubServer.Reply> reply = new AtomicReference<>();
    private final AtomicInteger cases = new AtomicInteger();
    private StubServer server;
    private List<RunloopSDK> sdks;

    @BeforeAll
    void start() {
        server = new StubServer(r -> reply.get());
        sdks = Sdks.TRANSPORTS.stream().map(t -> RunloopSDK.builder().environment(Map.of())
                .baseUrl(server.baseUrl().toString()).apiKey(Sdks.FAKE_KEY).transport(Sdks.transport(t))
                .timeout(Duration.ofSeconds(10)).maxRetries(0).build()).toList();
    }

    @AfterAll
    void stop() {
        sdks.forEach(RunloopSDK::close);
        server.close();
        System.out.println("bad input: " + cases.get() + " generated cases");
        assertTrue(cases.get() >= 200, "at least 200 generated cases: " + cases.get());
    }

    private RunloopSDK sdk(int n) {
        return sdks.get(Math.floorMod(n, sdks.size()));
    }

    /** Runs one case: success, or a typed exception with a message; anything else fails. */
    private <T> T outcome(String what, Supplier<T> call, String field) {
        cases.incrementAndGet();
        return assertTimeoutPreemptively(HANG_DETECTOR, () -> {
            try {
                return call.get();
            } catch (RunloopException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), what + ": no message");
                return null;
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains(field),
                        what + ": the message does not name '" + field + "': " + e.getMessage());
                return null;
            } catch (RuntimeException | Error e) {
                if (e instanceof AssertionError a) {
                    throw a;
                }
                throw new AssertionError(what + ": an unchecked exception escaped the library: " + e, e);
            }
        }, what + ": hung");
    }

    // ---- ids ----------------------------------------------------------------------------------

    static Gen<String> hostileIds() {
        List<String> pieces = List.of("/", "..", ".", "%", "%2F", "%2e%2e", "é", "🌍", "\u0000", " ", "?", "#", "&",
                "a", "dbx_1", "\\", "\n", "\r\n", ";", "+", "~", "中文", "\uD800", "'", "\"", "<>", "..%2f");
        Gen<String> joined = Generate.intArrays(Generate.range(0, 8), Generate.range(0, pieces.size() - 1))
                .map(ix -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i : ix) {
                        sb.append(pieces.get(i));
                    }
                    return sb.toString();
                });
        Gen<String> huge = Generate.range(5_000, 200_000).zip(Generate.pick(List.of("a", "/", "é", "..")),
                (n, s) -> s.repeat(n / s.length()));
        Gen<String> random = SourceDSL.strings().allPossible().ofLengthBetween(0, 40);
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(6, joined), org.quicktheories.api.Pair.of(1, huge),
                org.quicktheories.api.Pair.of(3, random)));
    }

    @Test
    void hostileIdsStayOnePathSegmentAndFailTyped() {
        reply.set(StubServer.Reply.json(404, "{\"code\":404,\"message\":\"not found\"}"));
        AtomicInteger n = new AtomicInteger();
        qt().withFixedSeed(11).withExamples(100).forAll(hostileIds()).checkAssert(id -> {
          try {
            int before = server.requests().size();
            Object result = outcome("id " + abbreviate(id), () -> sdk(n.getAndIncrement()).devbox().fromId(id).getInfo(), "id");
            assertEquals(null, result, "a 404 never reads as a devbox");
            List<StubServer.Request> after = server.requests();
            if (after.size() > before) {
                String raw = after.get(after.size() - 1).rawUri();
                assertTrue(raw.startsWith("/v1/devboxes/"), raw);
                String segment = raw.substring("/v1/devboxes/".length());
                assertFalse(segment.contains("/") || segment.contains("?") || segment.contains("#"),
                        "the id left its path segment: " + abbreviate(raw));
                assertFalse(segment.equals("..") || segment.equals("."), "a dot segment: " + raw);
                if (StandardCharsets.UTF_8.newEncoder().canEncode(id)) { // a lone surrogate becomes '?' (%3F)
                    assertEquals(id, URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
                }
            }
          } catch (AssertionError e) {
            System.out.println("FAILED CASE " + abbreviate(id) + ": " + abbreviate(String.valueOf(e)));
            throw e;
          }
        });
    }

    @Test
    void notFoundIsTypedForAPlainId() {
        reply.set(StubServer.Reply.json(404, "{\"code\":404,\"message\":\"not found\"}"));
        cases.incrementAndGet();
        try {
            sdk(0).devbox().fromId("dbx_missing").getInfo();
            fail("expected a 404");
        } catch (NotFoundException e) {
            assertTrue(e.getMessage().contains("dbx_missing"), e.getMessage());
        }
    }

    // ---- params ---------------------------------------------------------------------------------

    @Test
    void paramsOutsideTheReferenceConstraintsNameTheField() {
        Gen<Integer> below = Generate.range(Integer.MIN_VALUE, -1);
        Gen<Integer> kinds = Generate.range(0, 5);
        qt().withFixedSeed(12).withExamples(60).forAll(kinds, below, Generate.range(1, 1_000_000)).checkAssert((kind, neg, big) -> {
            cases.incrementAndGet();
            Runnable build;
            String field;
            switch (kind) {
                case 0 -> {
                    int limit = big % 2 == 0 ? neg : 5000 + big;
                    build = () -> DevboxListParams.builder().limit(limit).build();
                    field = "limit";
                }
                case 1 -> {
                    int gb = big % 2 == 0 ? neg : 64 + big;
                    build = () -> LaunchParameters.builder().customGbMemory(gb).build();
                    field = "custom_gb_memory";
                }
                case 2 -> {
                    int seconds = big % 2 == 0 ? neg : 172_800 + big;
                    build = () -> LaunchParameters.builder().keepAliveTimeSeconds(seconds).build();
                    field = "keep_alive_time_seconds";
                }
                case 3 -> {
                    int port = big % 2 == 0 ? neg : 65_535 + big;
                    build = () -> PortRule.builder().port(port).build();
                    field = "port";
                }
                case 4 -> {
                    String message = "m".repeat(1000 + Math.min(big, 100_000));
                    build = () -> DevboxSnapshotDiskParams.builder().commitMessage(message).build();
                    field = "commit_message";
                }
                default -> {
                    build = () -> PortRule.builder().build();
                    field = "port";
                }
            }
            try {
                build.run();
                fail("accepted an invalid " + field);
            } catch (ValidationException e) {
                assertTrue(e.getMessage().contains(field), "names the field " + field + ": " + e.getMessage());
            }
        });
    }

    // ---- server bodies ------------------------------------------------------------------------

    static Gen<StubServer.Reply> badBodies() {
        Gen<StubServer.Reply> truncated = Generate.range(0, VALID_DEVBOX.length() - 1)
                .map(n -> StubServer.Reply.json(200, VALID_DEVBOX.substring(0, n)));
        Gen<StubServer.Reply> fixed = Generate.pick(List.of(
                StubServer.Reply.of(200, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8)),
                StubServer.Reply.of(502, "text/html", "<html>upstream error</html>".getBytes(StandardCharsets.UTF_8)),
                StubServer.Reply.of(200, "application/json", new byte[0]),
                StubServer.Reply.of(200, null, new byte[0]),
                StubServer.Reply.json(200, "[]"), StubServer.Reply.json(200, "42"), StubServer.Reply.json(200, "\"text\""),
                StubServer.Reply.json(200, "null"), StubServer.Reply.json(200, "true"),
                StubServer.Reply.json(200, "{\"id\":5,\"status\":\"running\"}"),
                StubServer.Reply.json(200, "{\"id\":\"dbx_1\",\"status\":{\"x\":1}}"),
                StubServer.Reply.json(200, "{\"id\":\"dbx_1\",\"create_time_ms\":\"yesterday\"}"),
                StubServer.Reply.json(200, "{\"id\":\"dbx_1\",\"metadata\":[1,2,3]}"),
                StubServer.Reply.json(200, "{\"id\":\"dbx_1\",\"state_transitions\":{\"a\":1}}"),
                StubServer.Reply.json(200, "{\"id\":\"dbx_1\",\"create_time_ms\":1e400}"),
                StubServer.Reply.json(200, "{\"id\":\"dbx_1\"}{\"id\":\"dbx_2\"}"),
                StubServer.Reply.json(400, "not json at all"), StubServer.Reply.json(404, "{\"code\":"),
                StubServer.Reply.json(500, "{}"), StubServer.Reply.json(429, ""),
                StubServer.Reply.of(200, "application/octet-stream", new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3}),
                StubServer.Reply.json(200, "{\"id\":\"dbx_\uFFFF\\ud800\",\"status\":\"running\"}")));
        Gen<StubServer.Reply> unknownEnum = SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(1, 30)
                .map(s -> StubServer.Reply.json(200, "{\"id\":\"dbx_1\",\"status\":\"" + s.replace("\\", "").replace("\"", "")
                        + "-new\",\"brand_new_field\":{\"nested\":[1,{\"x\":null}]}}"));
        Gen<StubServer.Reply> huge = Generate.range(1, 8).map(mb -> StubServer.Reply.json(200,
                "{\"id\":\"dbx_1\",\"status\":\"running\",\"name\":\"" + "x".repeat(mb << 20) + "\"}"));
        Gen<StubServer.Reply> garbage = Generate.byteArrays(Generate.range(0, 300), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                .map(b -> StubServer.Reply.of(200, "application/json", b));
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(3, truncated), org.quicktheories.api.Pair.of(4, fixed),
                org.quicktheories.api.Pair.of(2, unknownEnum), org.quicktheories.api.Pair.of(1, huge),
                org.quicktheories.api.Pair.of(2, garbage)));
    }

    @Test
    void malformedBodiesGiveTypedErrorsAndUnknownValuesAreKept() {
        AtomicInteger n = new AtomicInteger();
        qt().withFixedSeed(13).withExamples(100).forAll(badBodies()).checkAssert(bad -> {
            reply.set(bad);
            String body = new String(bad.body(), 0, Math.min(80, bad.body().length), StandardCharsets.UTF_8);
            DevboxView view = outcome("HTTP " + bad.status() + " body " + body,
                    () -> sdk(n.getAndIncrement()).devbox().fromId("dbx_1").getInfo(), "id");
            if (body.contains("-new\"")) {
                assertTrue(view != null, "an unknown enum value and unknown fields are tolerated: " + body);
                assertTrue(view.status().value().endsWith("-new"), "the unknown status is kept: " + view.status());
            }
            if (view != null) {
                assertEquals(200, bad.status(), "an error status read as a success");
            }
        });
    }

    static Gen<String> badEventStreams() {
        List<String> lines = List.of("data: {bad", "data: {\"output\":5,\"offset\":\"x\"}", "data: {\"output\":\"ok\",\"offset\":2}",
                "event: error", "data: {\"code\":\"teapot\"}", "data: {\"code\":503,\"message\":\"later\"}", ": comment",
                "id: 7", "retry: -5", "data:", "data: null", "data: []", "data: \"str\"", "event: weird", "\u0000", "é🌍",
                "data: {\"output\":\"" + "y".repeat(70_000) + "\",\"offset\":70000}", "");
        return Generate.intArrays(Generate.range(0, 12), Generate.range(0, lines.size() - 1)).map(ix -> {
            StringBuilder sb = new StringBuilder();
            for (int i : ix) {
                sb.append(lines.get(i)).append(i % 3 == 0 ? "\r\n" : "\n");
            }
            return sb.toString();
        });
    }

    @Test
    void malformedEventStreamsEndTyped() {
        AtomicInteger n = new AtomicInteger();
        qt().withFixedSeed(14).withExamples(40).forAll(badEventStreams()).checkAssert(stream -> {
            reply.set(StubServer.Reply.of(200, "text/event-stream", stream.getBytes(StandardCharsets.UTF_8)));
            outcome("event stream " + abbreviate(stream), () -> {
                try {
                    sdk(n.getAndIncrement()).api().devboxes().executions().streamStdoutUpdates("exe_1",
                                    ExecutionStreamStdoutUpdatesParams.builder().devboxId("dbx_1").build())
                            .forEach(chunk -> { }).get(HANG_DETECTOR.toSeconds(), TimeUnit.SECONDS);
                    return null;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new AssertionError(e.getCause());
                } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("the stream did not end", e);
                }
            }, "id");
        });
    }

    private static String abbreviate(String s) {
        StringBuilder e = new StringBuilder();
        s.chars().limit(200).forEach(c -> e.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        String t = e.toString();
        return t.length() > 80 ? t.substring(0, 80) + "…(" + s.length() + " chars)" : t;
    }
}
