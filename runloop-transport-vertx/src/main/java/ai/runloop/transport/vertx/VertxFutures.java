package ai.runloop.transport.vertx;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Adapters between the SDK's {@link CompletionStage}s and Vert.x {@link Future}s. */
public final class VertxFutures {

    private VertxFutures() {
    }

    /**
     * A Vert.x future that completes like the stage. Called on a Vert.x context, the future
     * completes on that context, so its handlers run there; elsewhere it completes on the thread
     * that completes the stage. A {@link CompletionException} is unwrapped to its cause.
     *
     * @param stage the stage, for example a {@code CompletableFuture} from the SDK
     * @param <T> the result type
     * @return the Vert.x future
     */
    public static <T> Future<T> toFuture(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        Promise<T> promise = Promise.promise();
        stage.whenComplete((value, failure) -> {
            Runnable complete = () -> {
                if (failure != null) {
                    promise.fail(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                } else {
                    promise.complete(value);
                }
            };
            if (context == null || Vertx.currentContext() == context) {
                complete.run();
            } else {
                context.runOnContext(ignored -> complete.run());
            }
        });
        return promise.future();
    }
}
