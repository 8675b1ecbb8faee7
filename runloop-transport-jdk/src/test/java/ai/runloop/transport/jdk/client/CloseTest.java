package ai.runloop.transport.jdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.runloop.api.RunloopClient;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing a client releases the JDK transport's threads. The JDK {@code HttpClient}'s selector thread
 * waits in native code; although it is a daemon thread, the JVM waits up to 300 ms at exit for threads in
 * native code, so one left running made every program that closed its client exit 0.3 s late.
 */
@Timeout(60)
class CloseTest {
    private ScriptedServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void closeEndsTheSelectorThreadsOfTheJdkClients() throws Exception {
        server = ScriptedServer.start((r, x) -> x.json(200, "{\"id\":\"dbx_1\",\"status\":\"running\"}"));
        Set<Thread> before = selectorThreads();
        Set<Thread> started;
        try (RunloopClient client = RunloopClient.builder().apiKey("key").baseUrl(server.baseUrl())
                .environment(Map.of()).build()) {
            assertEquals("dbx_1", client.devboxes().retrieve("dbx_1").id());
            started = selectorThreads();
            started.removeAll(before);
            assertFalse(started.isEmpty(), "the request ran on a JDK client, which has a selector thread");
        }
        for (Thread thread : started) {
            thread.join(10_000);
            assertFalse(thread.isAlive(), thread.getName() + " still runs after the client was closed");
        }
    }

    private static Set<Thread> selectorThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().matches("HttpClient-\\d+-SelectorManager")) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
