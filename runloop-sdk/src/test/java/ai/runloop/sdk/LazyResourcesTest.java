package ai.runloop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.runloop.api.RunloopClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The SDK's resource handles and the REST client's services are made on first use (start-up loads only
 * what a program calls); each is still one object per SDK, also when threads ask for it at once.
 */
class LazyResourcesTest {

    private static RunloopSDK sdk() {
        return RunloopSDK.builder().environment(Map.of()).apiKey("k").baseUrl("http://127.0.0.1:9").build();
    }

    @Test
    void everyAccessorAnswersTheSameObjectEachTime() {
        try (RunloopSDK sdk = sdk()) {
            List<Function<RunloopSDK, Object>> accessors = List.of(RunloopSDK::devbox, RunloopSDK::blueprint,
                    RunloopSDK::snapshot, RunloopSDK::storageObject, RunloopSDK::agent, RunloopSDK::scenario,
                    RunloopSDK::scorer, RunloopSDK::benchmark, RunloopSDK::secret, RunloopSDK::networkPolicy,
                    RunloopSDK::gatewayConfig, RunloopSDK::mcpConfig, RunloopSDK::axon,
                    s -> s.async().devbox(), s -> s.async().axon());
            for (Function<RunloopSDK, Object> accessor : accessors) {
                assertSame(accessor.apply(sdk), accessor.apply(sdk));
            }
            RunloopClient api = sdk.api();
            List<Function<RunloopClient, Object>> services = List.of(RunloopClient::accounts, RunloopClient::agents,
                    RunloopClient::apikeys, RunloopClient::axons, RunloopClient::benchmarkJobs,
                    RunloopClient::benchmarkRuns, RunloopClient::benchmarks, RunloopClient::blueprints,
                    RunloopClient::devboxes, RunloopClient::gatewayConfigs, RunloopClient::mcpConfigs,
                    RunloopClient::networkPolicies, RunloopClient::objects, RunloopClient::pty,
                    RunloopClient::restrictedKeys, RunloopClient::scenarios, RunloopClient::secrets);
            for (Function<RunloopClient, Object> service : services) {
                assertSame(service.apply(api), service.apply(api));
            }
        }
    }

    @Test
    void threadsAskingAtOnceGetOneObject() throws Exception {
        for (int round = 0; round < 20; round++) {
            try (RunloopSDK sdk = sdk()) {
                Set<Object> seenOps = ConcurrentHashMap.newKeySet();
                Set<Object> seenServices = ConcurrentHashMap.newKeySet();
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Thread thread = new Thread(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        seenOps.add(sdk.devbox());
                        seenServices.add(sdk.api().devboxes());
                    });
                    thread.start();
                    threads.add(thread);
                }
                start.countDown();
                for (Thread thread : threads) {
                    thread.join();
                }
                assertEquals(1, seenOps.size());
                assertEquals(1, seenServices.size());
            }
        }
    }
}
