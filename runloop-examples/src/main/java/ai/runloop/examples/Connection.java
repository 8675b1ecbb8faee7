package ai.runloop.examples;

import ai.runloop.emulator.RunloopEmulator;
import ai.runloop.sdk.AsyncRunloopSDK;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.SdkBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Where the examples connect: the Runloop API when {@code RUNLOOP_API_KEY} is set (and
 * {@code RUNLOOP_BASE_URL}, if set), otherwise a local emulator started here and stopped on close.
 */
public final class Connection implements AutoCloseable {
    private final RunloopEmulator emulator;
    private final RunloopSDK sdk;

    private Connection(RunloopEmulator emulator, RunloopSDK sdk) {
        this.emulator = emulator;
        this.sdk = sdk;
    }

    /** @return a connection to the API, or to a fresh local emulator when no API key is set */
    public static Connection open() {
        String key = System.getenv("RUNLOOP_API_KEY");
        if (key != null && !key.isBlank()) {
            System.out.println("Using the Runloop API at "
                    + (System.getenv("RUNLOOP_BASE_URL") == null ? "https://api.runloop.ai" : System.getenv("RUNLOOP_BASE_URL")));
            return new Connection(null, RunloopSDK.create());
        }
        RunloopEmulator emulator = RunloopEmulator.builder().statusDelay(Duration.ofMillis(50)).build().start();
        System.out.println("No RUNLOOP_API_KEY set: started a local Runloop emulator at " + emulator.baseUrl());
        SdkBuilder<RunloopSDK> builder = RunloopSDK.builder().environment(Map.of())
                .baseUrl(emulator.baseUrl().toString()).apiKey(emulator.token());
        return new Connection(emulator, builder.build());
    }

    /** @return the blocking SDK */
    public RunloopSDK sdk() {
        return sdk;
    }

    /** @return the asynchronous SDK over the same client */
    public AsyncRunloopSDK asyncSdk() {
        return sdk.async();
    }

    /** Closes the SDK and stops the emulator, if one was started. */
    @Override
    public void close() {
        sdk.close();
        if (emulator != null) {
            emulator.close();
        }
    }
}
