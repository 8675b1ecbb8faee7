package ai.runloop.emulator.internal.util;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A server-side long poll without blocking: answers as soon as a condition holds, or calls the
 * timeout action when the hold lapses. Changes are observed through {@link Watchers}; every
 * re-check runs on the request's event-loop context.
 */
public final class LongPoll {
    private LongPoll() {
    }

    /**
     * @param ctx the request
     * @param watchers fired when the watched state changes
     * @param condition true when the request can be answered
     * @param holdMillis longest wait
     * @param onReady answers the request (condition holds)
     * @param onTimeout answers the request (hold lapsed)
     */
    public static void await(RoutingContext ctx, Watchers watchers, BooleanSupplier condition, long holdMillis,
            Runnable onReady, Runnable onTimeout) {
        if (condition.getAsBoolean()) {
            onReady.run();
            return;
        }
        Context context = ctx.vertx().getOrCreateContext();
        AtomicBoolean finished = new AtomicBoolean();
        long[] timer = {-1};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> context.runOnContext(v -> {
            if (!finished.get() && condition.getAsBoolean() && finished.compareAndSet(false, true)) {
                watchers.remove(listener[0]);
                ctx.vertx().cancelTimer(timer[0]);
                onReady.run();
            }
        });
        watchers.add(listener[0]);
        timer[0] = ctx.vertx().setTimer(Math.max(1, holdMillis), t -> {
            if (finished.compareAndSet(false, true)) {
                watchers.remove(listener[0]);
                onTimeout.run();
            }
        });
        ctx.response().closeHandler(v -> {
            if (finished.compareAndSet(false, true)) {
                watchers.remove(listener[0]);
                ctx.vertx().cancelTimer(timer[0]);
            }
        });
        // the state may have changed between the first check and registering the listener
        listener[0].run();
    }
}
