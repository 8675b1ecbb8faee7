package ai.runloop.transport.jdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.RequestOptions;
import ai.runloop.api.RunloopClient;
import ai.runloop.api.errors.ApiStatusException;
import ai.runloop.api.errors.AuthenticationException;
import ai.runloop.api.errors.BadRequestException;
import ai.runloop.api.errors.ConflictException;
import ai.runloop.api.errors.InternalServerException;
import ai.runloop.api.errors.NotFoundException;
import ai.runloop.api.errors.PermissionDeniedException;
import ai.runloop.api.errors.RateLimitException;
import ai.runloop.api.errors.RunloopConnectionException;
import ai.runloop.api.errors.RunloopTimeoutException;
import ai.runloop.api.errors.UnprocessableEntityException;
import ai.runloop.model.devboxes.DevboxUploadFileParams;
import ai.runloop.model.devboxes.DevboxView;
import ai.runloop.model.support.BinaryContent;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry rules, idempotency key, error mapping and timeouts of the pipeline (behaviours §3–5),
 * against a scripted server over the JDK transport. Assertions are on recorded attempts and headers,
 * never on elapsed time; where a server delay hint must be honoured, the client's own backoff is set
 * to a minute so that ignoring the hint would hang the test (the class timeout is the hang guard).
 */
@Timeout(60)
class RetryPipelineTest {
    private static final String DEVBOX = "{\"id\":\"dbx_1\",\"status\":\"running\"}";
    private ScriptedServer server;
    private RunloopClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private RunloopClient client(ScriptedServer.Handler handler, int maxRetries, Duration backoff) throws Exception {
        server = ScriptedServer.start(handler);
        client = RunloopClient.builder().apiKey("sk-secret-key").baseUrl(server.baseUrl()).maxRetries(maxRetries)
                .retryBackoff(backoff, backoff.multipliedBy(4)).environment(Map.of()).build();
        return client;
    }

    private RunloopClient fastClient(ScriptedServer.Handler handler, int maxRetries) throws Exception {
        return client(handler, maxRetries, Duration.ofMillis(1));
    }

    private static ScriptedServer.Handler status(int status) {
        return (request, exchange) -> exchange.json(status, "{\"error\":\"status " + status + "\"}");
    }

    private static ScriptedServer.Handler status(int status, Map<String, String> headers) {
        return (request, exchange) -> exchange.json(status, headers, "{\"error\":\"status " + status + "\"}");
    }

    private static final ScriptedServer.Handler OK = (request, exchange) -> exchange.json(200, DEVBOX);

    private List<String> header(String name) {
        return server.requests().stream().map(r -> r.header(name)).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void retryableStatusesAreRetriedThenSucceed(int status) throws Exception {
        DevboxView view = fastClient(ScriptedServer.sequence(status(status), status(status), OK), 5)
                .devboxes().retrieve("dbx_1");
        assertEquals("dbx_1", view.id());
        assertEquals(3, server.requests().size());
        assertEquals(List.of("0", "1", "2"), header("x-stainless-retry-count"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void clientErrorsAreNotRetried(int status) throws Exception {
        RunloopClient c = fastClient(status(status), 5);
        ApiStatusException e = assertThrows(ApiStatusException.class, () -> c.devboxes().retrieve("dbx_1"));
        assertEquals(status, e.status());
        assertEquals(1, server.requests().size());
    }

    @Test
    void eachStatusMapsToItsExceptionWithStatusBodyAndHeaders() throws Exception {
        Map<Integer, Class<? extends ApiStatusException>> expected = Map.of(400, BadRequestException.class,
                401, AuthenticationException.class, 403, PermissionDeniedException.class, 404, NotFoundException.class,
                409, ConflictException.class, 422, UnprocessableEntityException.class, 429, RateLimitException.class,
                500, InternalServerException.class, 503, InternalServerException.class, 418, ApiStatusException.class);
        RunloopClient c = fastClient(OK, 0);
        for (Map.Entry<Integer, Class<? extends ApiStatusException>> entry : expected.entrySet()) {
            int status = entry.getKey();
            server.handler(status(status, Map.of("X-Trace", "t-" + status)));
            ApiStatusException e = assertThrows(ApiStatusException.class, () -> c.devboxes().retrieve("dbx_1"));
            assertSame(entry.getValue(), e.getClass(), "class for " + status);
            assertEquals(status, e.status());
            assertEquals("{\"error\":\"status " + status + "\"}", e.body());
            assertEquals("t-" + status, e.header("x-trace").orElse(null));
            assertTrue(e.getMessage().contains("devboxes.retrieve") && e.getMessage().contains("dbx_1")
                    && e.getMessage().contains(Integer.toString(status)), e.getMessage());
        }
    }

    @Test
    void a408AfterRetriesAreSpentIsAPlainStatusException() throws Exception {
        RunloopClient c = fastClient(status(408), 2);
        ApiStatusException e = assertThrows(ApiStatusException.class, () -> c.devboxes().retrieve("dbx_1"));
        assertSame(ApiStatusException.class, e.getClass());
        assertEquals(3, server.requests().size());
    }

    @Test
    void serverHintTrueForcesARetryOfAClientError() throws Exception {
        fastClient(ScriptedServer.sequence(status(400, Map.of("x-should-retry", "true")), OK), 5).devboxes().retrieve("dbx_1");
        assertEquals(2, server.requests().size());
    }

    @Test
    void serverHintFalseForbidsARetryOfAServerError() throws Exception {
        RunloopClient c = fastClient(status(503, Map.of("x-should-retry", "false")), 5);
        assertThrows(InternalServerException.class, () -> c.devboxes().retrieve("dbx_1"));
        assertEquals(1, server.requests().size());
    }

    @Test
    void retryAfterMsIsHonoured() throws Exception {
        client(ScriptedServer.sequence(status(429, Map.of("retry-after-ms", "5")), OK), 5, Duration.ofSeconds(60))
                .devboxes().retrieve("dbx_1");
        assertEquals(2, server.requests().size());
    }

    @Test
    void retryAfterSecondsIsHonoured() throws Exception {
        client(ScriptedServer.sequence(status(503, Map.of("retry-after", "0.01")), OK), 5, Duration.ofSeconds(60))
                .devboxes().retrieve("dbx_1");
        assertEquals(2, server.requests().size());
    }

    @Test
    void retryAfterHttpDateIsHonoured() throws Exception {
        String soon = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        client(ScriptedServer.sequence(status(503, Map.of("retry-after", soon)), OK), 5, Duration.ofSeconds(60))
                .devboxes().retrieve("dbx_1");
        assertEquals(2, server.requests().size());
    }

    @Test
    void retryAfterBeyondAMinuteFallsBackToTheBackoff() throws Exception {
        fastClient(ScriptedServer.sequence(status(503, Map.of("retry-after", "3600")), OK), 5).devboxes().retrieve("dbx_1");
        assertEquals(2, server.requests().size());
    }

    @Test
    void defaultMaxRetriesMeansSixAttemptsWithIncreasingRetryCount() throws Exception {
        server = ScriptedServer.start(status(500));
        client = RunloopClient.builder().apiKey("sk-secret-key").baseUrl(server.baseUrl())
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(4)).environment(Map.of()).build();
        InternalServerException e = assertThrows(InternalServerException.class, () -> client.devboxes().retrieve("dbx_1"));
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), header("x-stainless-retry-count"));
        assertEquals(5, e.getSuppressed().length, "earlier failures are kept as suppressed");
        for (Throwable earlier : e.getSuppressed()) {
            assertInstanceOf(InternalServerException.class, earlier);
        }
    }

    @Test
    void perCallMaxRetriesOverridesTheClient() throws Exception {
        RunloopClient c = fastClient(status(500), 5);
        assertThrows(InternalServerException.class,
                () -> c.devboxes().retrieve("dbx_1", RequestOptions.builder().maxRetries(2).build()));
        assertEquals(3, server.requests().size());
        server.requests();
        int before = server.requests().size();
        assertThrows(InternalServerException.class,
                () -> c.devboxes().retrieve("dbx_1", RequestOptions.builder().maxRetries(0).build()));
        assertEquals(before + 1, server.requests().size());
    }

    @Test
    void clientMaxRetriesZeroMakesOneAttempt() throws Exception {
        RunloopClient c = fastClient(status(503), 0);
        InternalServerException e = assertThrows(InternalServerException.class, () -> c.devboxes().retrieve("dbx_1"));
        assertEquals(1, server.requests().size());
        assertEquals(0, e.getSuppressed().length);
    }

    @Test
    void idempotencyKeyIsStableAcrossRetriesAndNewPerCall() throws Exception {
        RunloopClient c = fastClient(ScriptedServer.sequence(status(500), status(429), OK, status(500), OK), 5);
        c.devboxes().keepAlive("dbx_1");
        c.devboxes().keepAlive("dbx_1");
        List<String> keys = header("x-request-id");
        assertEquals(5, keys.size());
        assertNotNull(keys.get(0));
        assertEquals(Set.of(keys.get(0)), Set.copyOf(keys.subList(0, 3)), "one key for all attempts of a call");
        assertEquals(keys.get(3), keys.get(4));
        assertTrue(!keys.get(0).equals(keys.get(3)), "a new key per logical call");
    }

    @Test
    void callerSuppliedIdempotencyKeyIsUsedOnEveryAttempt() throws Exception {
        RunloopClient c = fastClient(ScriptedServer.sequence(status(500), OK), 5);
        c.devboxes().keepAlive("dbx_1", RequestOptions.builder().idempotencyKey("my-key-1").build());
        assertEquals(List.of("my-key-1", "my-key-1"), header("x-request-id"));
    }

    @Test
    void noIdempotencyKeyOnGetEvenAcrossRetries() throws Exception {
        fastClient(ScriptedServer.sequence(status(500), OK), 5).devboxes().retrieve("dbx_1");
        assertEquals(2, server.requests().size());
        server.requests().forEach(r -> assertNull(r.header("x-request-id")));
    }

    @Test
    void connectionResetIsRetried() throws Exception {
        fastClient(ScriptedServer.sequence((r, x) -> x.reset(), (r, x) -> x.reset(), OK), 5).devboxes().keepAlive("dbx_1");
        assertEquals(3, server.requests().size());
        assertEquals(1, header("x-request-id").stream().collect(Collectors.toSet()).size());
    }

    @Test
    void connectionResetOnEveryAttemptIsAConnectionException() throws Exception {
        // A POST: java.net.http itself re-sends a GET once after a reset, which would blur the count.
        RunloopClient c = fastClient((r, x) -> x.reset(), 2);
        RunloopConnectionException e = assertThrows(RunloopConnectionException.class, () -> c.devboxes().keepAlive("dbx_1"));
        assertEquals(3, server.requests().size());
        assertEquals(2, e.getSuppressed().length);
    }

    @Test
    void connectionRefusedIsAConnectionException() throws Exception {
        client = RunloopClient.builder().apiKey("sk-secret-key").baseUrl(ScriptedServer.refusedUrl()).maxRetries(1)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).environment(Map.of()).build();
        RunloopConnectionException e = assertThrows(RunloopConnectionException.class, () -> client.devboxes().retrieve("dbx_1"));
        assertTrue(e.getMessage().contains("devboxes.retrieve"), e.getMessage());
        assertEquals(1, e.getSuppressed().length, "the refused first attempt was retried once");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        server = ScriptedServer.start((r, x) -> x.hang());
        client = RunloopClient.builder().apiKey("sk-secret-key").baseUrl(server.baseUrl()).maxRetries(0)
                .timeout(Duration.ofMillis(300)).environment(Map.of()).build();
        RunloopTimeoutException e = assertThrows(RunloopTimeoutException.class, () -> client.devboxes().retrieve("dbx_1"));
        assertTrue(e.getMessage().contains("devboxes.retrieve"), e.getMessage());
        assertEquals(1, server.requests().size());
    }

    @Test
    void aPerCallTimeoutIsRetriedLikeAConnectionFailure() throws Exception {
        server = ScriptedServer.start(ScriptedServer.sequence((r, x) -> x.hang(), OK));
        client = RunloopClient.builder().apiKey("sk-secret-key").baseUrl(server.baseUrl()).maxRetries(1)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).environment(Map.of()).build();
        DevboxView view = client.devboxes().retrieve("dbx_1", RequestOptions.builder().timeout(Duration.ofMillis(300)).build());
        assertEquals("dbx_1", view.id());
        assertEquals(2, server.requests().size());
    }

    @Test
    void aStreamedUploadBodyIsNotReplayed() throws Exception {
        RunloopClient c = fastClient(ScriptedServer.sequence(status(503), OK), 5);
        byte[] data = "streamed".getBytes();
        DevboxUploadFileParams params = DevboxUploadFileParams.builder().path("f.txt")
                .file(BinaryContent.ofStream(() -> new ByteArrayInputStream(data), data.length)).build();
        assertThrows(InternalServerException.class, () -> c.devboxes().uploadFile("dbx_1", params));
        assertEquals(1, server.requests().size());
    }

    @Test
    void anUploadFromBytesIsReplayedWholeOnRetry() throws Exception {
        RunloopClient c = fastClient(ScriptedServer.sequence(status(503), OK), 5);
        DevboxUploadFileParams params = DevboxUploadFileParams.builder().path("f.txt")
                .file(BinaryContent.ofBytes("bytes".getBytes())).build();
        c.devboxes().uploadFile("dbx_1", params);
        assertEquals(2, server.requests().size());
        for (ScriptedServer.Request r : server.requests()) {
            String type = r.header("content-type");
            Map<String, byte[]> parts = RequestShapeTest.multipart(r.body(), type.substring(type.indexOf('=') + 1));
            assertEquals("bytes", new String(parts.get("file")));
            assertEquals("f.txt", new String(parts.get("path")));
        }
    }
}
