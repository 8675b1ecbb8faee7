package ai.runloop.sdk.internal;

import ai.runloop.api.internal.ApiCore;
import ai.runloop.api.internal.BlockingGuard;
import java.util.concurrent.CompletableFuture;

/**
 * How every blocking SDK method is made from its asynchronous twin: refuse on an event loop, then wait
 * for the future and rethrow its failure as the SDK exception it already is.
 */
public final class Blocking {
    private static final String ALTERNATIVE = "AsyncRunloopSDK (the CompletableFuture flavour of the SDK)";
    private Blocking() {
    }

    /**
     * @param future    the asynchronous call
     * @param operation the blocking method, for messages
     * @param <T>       the value type
     * @return the value
     * @throws IllegalStateException on a Vert.x or Netty event-loop thread, pointing to AsyncRunloopSDK
     */
    public static <T> T join(CompletableFuture<T> future, String operation) {
        return ApiCore.join(future, operation, ALTERNATIVE);
    }

    /**
     * Checks the thread first, then starts the asynchronous call and waits for it — so nothing is sent
     * from an event loop.
     *
     * @param operation the blocking method, for messages
     * @param call      starts the asynchronous twin
     * @param <T>       the value type
     * @return the value
     */
    public static <T> T call(String operation, java.util.function.Supplier<CompletableFuture<T>> call) {
        check(operation);
        return join(call.get(), operation);
    }

    /**
     * Checks the thread before a blocking call that starts its own work (so no future is started on an
     * event loop).
     *
     * @param operation the blocking method, for messages
     */
    public static void check(String operation) {
        BlockingGuard.check(operation, ALTERNATIVE);
    }
}
