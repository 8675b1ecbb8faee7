package ai.runloop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Blocking calls refuse event-loop threads before sending anything, pointing to the async flavour. */
class BlockingGuardTest {

    @Test
    void blockingCallOnAnEventLoopThreadFailsAtOncePointingToAsyncRunloopSdk() throws Exception {
        try (RunloopSDK sdk = RunloopSDK.builder().environment(Map.of()).apiKey("k")
                .baseUrl("http://127.0.0.1:9").maxRetries(0).build()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread loop = new Thread(() -> {
                try {
                    sdk.devbox().fromId("dbx_1").getInfo();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "vert.x-eventloop-thread-0");
            loop.start();
            loop.join(10_000);
            assertNotNull(failure.get());
            assertEquals(IllegalStateException.class, failure.get().getClass());
            assertTrue(failure.get().getMessage().contains("AsyncRunloopSDK"), failure.get().getMessage());
            assertTrue(failure.get().getMessage().contains("Devbox.getInfo"), failure.get().getMessage());
        }
    }

    @Test
    void lastLinesTrimTrailingNewlines() {
        assertEquals("b\nc", ExecutionResult.lastLines("a\nb\nc\n\n", 2));
        assertEquals("", ExecutionResult.lastLines("\n", 3));
        assertEquals("a", ExecutionResult.lastLines("a", 5));
    }
}
