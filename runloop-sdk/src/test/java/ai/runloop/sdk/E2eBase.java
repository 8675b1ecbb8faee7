package ai.runloop.sdk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportOptions;
import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.emulator.junit.RunloopEmulatorTest;
import java.time.Duration;
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
 * concrete subclass creates (so the same suite runs once per transport). Subclasses per transport only
 * implement {@link #transport(TransportOptions)}; the transport is passed to the SDK's builder, never
 * chosen through the global {@code runloop.transport} property, so suites may run in parallel.
 */
@RunloopEmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class E2eBase {
    protected RunloopEmulator emulator;
    protected RunloopSDK sdk;
    protected AsyncRunloopSDK asyncSdk;

    /**
     * @param options the transport options
     * @return a new transport of the kind under test; the SDK owns and closes it
     */
    protected abstract HttpTransport transport(TransportOptions options);

    @BeforeAll
    void startSdk(RunloopEmulator emulator) {
        this.emulator = emulator;
        HttpTransport transport = transport(TransportOptions.defaults());
        sdk = RunloopSDK.builder().environment(Map.of()).baseUrl(emulator.baseUrl().toString())
                .apiKey(emulator.token()).transport(transport)
                // Some steps provoke a retryable 409 on purpose (scoring a run twice); on a loopback
                // emulator the default 1 s..60 s backoff only adds ~30 s per such step and transport.
                // Retry timing itself is covered by the pipeline's own tests.
                .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).build();
        asyncSdk = sdk.async();
        assertTrue(sdk.toString().contains("127.0.0.1"));
        // The client names its transport's class: the suite really runs on the transport under test.
        assertTrue(sdk.api().toString().contains("transport=" + transport.getClass().getName() + '}'), sdk.api().toString());
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
