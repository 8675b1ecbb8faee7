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
    private final long limit;
    private Flow.Subscription subscription;

    private BodyCollector(long limit) {
        this.limit = limit;
    }

    /**
     * Subscribes to a publisher and collects everything it publishes.
     *
     * @param publisher the bytes
     * @return a future of all bytes, completed when the publisher completes
     */
    public static CompletableFuture<byte[]> collect(Flow.Publisher<ByteBuffer> publisher) {
        return collect(publisher, Long.MAX_VALUE);
    }

    /**
     * Subscribes to a publisher and collects at most {@code limit} bytes of it, cancelling the rest:
     * for error bodies from servers that are not the API, whose size nothing bounds.
     *
     * @param publisher the bytes
     * @param limit     the most bytes to keep
     * @return a future of the first bytes, completed when the publisher completes or the limit is reached
     */
    public static CompletableFuture<byte[]> collect(Flow.Publisher<ByteBuffer> publisher, long limit) {
        BodyCollector collector = new BodyCollector(limit);
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
        this.subscription = subscription;
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
        if (result.isDone()) {
            return;
        }
        int take = (int) Math.min(item.remaining(), limit - bytes.size());
        if (item.hasArray()) {
            bytes.write(item.array(), item.arrayOffset() + item.position(), take);
        } else {
            byte[] copy = new byte[take];
            item.duplicate().get(copy);
            bytes.write(copy, 0, copy.length);
        }
        if (bytes.size() >= limit) {
            subscription.cancel();
            result.complete(bytes.toByteArray());
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
