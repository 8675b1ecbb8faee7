package ai.runloop.api.internal.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Collects a publisher of bytes into one array. Cancelling the future cancels the subscription.
 */
public final class BodyCollector implements Flow.Subscriber<ByteBuffer> {

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private BodyCollector() {
    }

    /**
     * Subscribes to a publisher and collects everything it publishes.
     *
     * @param publisher the bytes
     * @return a future of all bytes, completed when the publisher completes
     */
    public static CompletableFuture<byte[]> collect(Flow.Publisher<ByteBuffer> publisher) {
        BodyCollector collector = new BodyCollector();
        publisher.subscribe(collector);
        return collector.result;
    }

    /**
     * Requests everything at once.
     *
     * @param subscription the subscription
     */
    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        result.whenComplete((ignored, error) -> {
            if (error != null) {
                subscription.cancel();
            }
        });
        subscription.request(Long.MAX_VALUE);
    }

    /**
     * Appends a buffer.
     *
     * @param item the next bytes
     */
    @Override
    public void onNext(ByteBuffer item) {
        if (item.hasArray()) {
            bytes.write(item.array(), item.arrayOffset() + item.position(), item.remaining());
        } else {
            byte[] copy = new byte[item.remaining()];
            item.duplicate().get(copy);
            bytes.write(copy, 0, copy.length);
        }
    }

    /**
     * Fails the future.
     *
     * @param error the failure
     */
    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    /**
     * Completes the future with all bytes.
     */
    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
