package ai.runloop.sdk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.emulator.junit.RunloopEmulatorTest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The end-to-end suites' base: one in-process emulator per class and an SDK on the transport the
 * concrete subclass names (so the same suite can run once per transport). Subclasses per transport
 * only say {@link #transport()}.
 */
@RunloopEmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class E2eBase {
    protected RunloopEmulator emulator;
    protected RunloopSDK sdk;
    protected AsyncRunloopSDK asyncSdk;

    /** @return the transport provider name: jdk, netty or vertx */
    protected abstract String transport();

    @BeforeAll
    void startSdk(RunloopEmulator emulator) {
        this.emulator = emulator;
        // Transport discovery honours this property; each suite class runs alone, so setting it is safe.
        System.setProperty("runloop.transport", transport());
        sdk = RunloopSDK.builder().environment(Map.of()).baseUrl(emulator.baseUrl().toString())
                .apiKey(emulator.token()).build();
        asyncSdk = sdk.async();
        assertTrue(sdk.toString().contains("127.0.0.1"));
    }

    @AfterAll
    void stopSdk() {
        if (sdk != null) {
            sdk.close();
        }
    }

    /** Waits for an async SDK call with a generous bound, unwrapping its failure. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }
}
