package ai.runloop.transport.jdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.RequestOptions;
import ai.runloop.api.RunloopClient;
import ai.runloop.api.errors.AuthenticationException;
import ai.runloop.api.errors.RunloopConnectionException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Client construction and the headers of every request (behaviours §1): auth and user agent, the
 * environment defaults and {@code RUNLOOP_CUSTOM_HEADERS} (builder headers winning), the missing-key
 * error, and the API key never appearing in {@code toString()}, exception text or debug logs.
 */
@Timeout(60)
class ClientConfigTest {
    private static final String KEY = "sk-very-secret-key-123";
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

    private ScriptedServer ok() throws Exception {
        server = ScriptedServer.start((r, x) -> x.json(200, "{\"id\":\"dbx_1\",\"status\":\"running\"}"));
        return server;
    }

    @Test
    void everyRequestCarriesAuthUserAgentAndPlatformHeaders() throws Exception {
        client = RunloopClient.builder().apiKey(KEY).baseUrl(ok().baseUrl()).environment(Map.of()).build();
        client.devboxes().retrieve("dbx_1", RequestOptions.builder().header("X-Per-Call", "yes").build());
        ScriptedServer.Request r = server.last();
        assertEquals("Bearer " + KEY, r.header("authorization"));
        assertTrue(r.header("user-agent").matches("Runloop/Java \\d+\\.\\d+\\.\\d+\\S*"), r.header("user-agent"));
        assertEquals("java", r.header("x-stainless-lang"));
        assertEquals("application/json", r.header("accept"));
        assertEquals("0", r.header("x-stainless-retry-count"));
        assertEquals("yes", r.header("x-per-call"));
    }

    @Test
    void environmentSuppliesKeyBaseUrlAndCustomHeadersWithBuilderHeadersWinning() throws Exception {
        String custom = "X-Team: blue\nno colon on this line\nX-Trace : a:b:c \r\nX-Override: env\n: no-name\n";
        client = RunloopClient.builder().header("X-Override", "builder")
                .environment(Map.of("RUNLOOP_API_KEY", "env-key", "RUNLOOP_BASE_URL", ok().baseUrl(),
                        "RUNLOOP_CUSTOM_HEADERS", custom))
                .build();
        client.devboxes().retrieve("dbx_1");
        ScriptedServer.Request r = server.last();
        assertEquals("Bearer env-key", r.header("authorization"));
        assertEquals("blue", r.header("x-team"));
        assertEquals("a:b:c", r.header("x-trace"), "split at the first colon, trimmed");
        assertEquals("builder", r.header("x-override"));
        assertNull(r.header("no colon on this line"));
        assertFalse(r.headers().containsKey(""), "a line with an empty name is ignored");
    }

    @Test
    void builderKeyWinsOverTheEnvironment() throws Exception {
        client = RunloopClient.builder().apiKey("builder-key").baseUrl(ok().baseUrl())
                .environment(Map.of("RUNLOOP_API_KEY", "env-key")).build();
        client.devboxes().retrieve("dbx_1");
        assertEquals("Bearer builder-key", server.last().header("authorization"));
    }

    @Test
    void anEmptyBaseUrlVariableMeansTheDefault() {
        client = RunloopClient.builder().environment(Map.of("RUNLOOP_API_KEY", "k", "RUNLOOP_BASE_URL", "")).build();
        assertEquals("https://api.runloop.ai", client.baseUrl().toString());
    }

    @Test
    void aMissingKeyFailsAtConstructionNamingTheVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RunloopClient.builder().environment(Map.of()).build());
        assertTrue(e.getMessage().contains("RUNLOOP_API_KEY") && e.getMessage().contains("apiKey"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> RunloopClient.builder().environment(Map.of("RUNLOOP_API_KEY", "  ")).build());
    }

    @Test
    void theKeyNeverAppearsInToStringOrExceptions() throws Exception {
        server = ScriptedServer.start((r, x) -> x.json(401, "{\"error\":\"bad key\"}"));
        client = RunloopClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).environment(Map.of()).build();
        assertFalse(client.toString().contains(KEY), client.toString());
        AuthenticationException auth = assertThrows(AuthenticationException.class, () -> client.devboxes().retrieve("dbx_1"));
        assertFalse(stackText(auth).contains(KEY), stackText(auth));
        try (RunloopClient refused = RunloopClient.builder().apiKey(KEY).baseUrl(ScriptedServer.refusedUrl())
                .maxRetries(0).environment(Map.of()).build()) {
            RunloopConnectionException e = assertThrows(RunloopConnectionException.class,
                    () -> refused.devboxes().retrieve("dbx_1"));
            assertFalse(stackText(e).contains(KEY), stackText(e));
        }
    }

    private static String stackText(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return e + "\n" + out;
    }

    @Test
    void debugLogsShowRequestsButNeverTheAuthorizationValue() throws Exception {
        StringBuilder logged = new StringBuilder();
        Handler capture = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public synchronized void publish(LogRecord record) {
                logged.append(format.formatMessage(record)).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("ai.runloop.api");
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            server = ScriptedServer.start(ScriptedServer.sequence((r, x) -> x.json(503, "{}"),
                    (r, x) -> x.json(200, "{\"id\":\"dbx_1\"}")));
            client = RunloopClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                    .retryBackoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1))
                    .environment(Map.of()).build();
            client.devboxes().keepAlive("dbx_1");
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
        String text = logged.toString();
        assertTrue(text.contains("/v1/devboxes/dbx_1/keep_alive"), "requests are logged: " + text);
        assertTrue(text.toLowerCase(java.util.Locale.ROOT).contains("authorization"), "headers are logged: " + text);
        assertTrue(text.contains("<redacted>"), text);
        assertFalse(text.contains(KEY), text);
        assertTrue(text.contains("retrying"), "retries are logged: " + text);
    }
}
