package ai.runloop.api.internal.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes one buffer (none if it is empty) to each subscriber, then completes.
 */
public final class SingleBufferPublisher implements Flow.Publisher<ByteBuffer> {

    private final ByteBuffer buffer;

    /**
     * Creates the publisher.
     *
     * @param buffer the bytes; each subscriber gets its own read-only view
     */
    public SingleBufferPublisher(ByteBuffer buffer) {
        this.buffer = buffer.asReadOnlyBuffer();
    }

    /**
     * Publishes the buffer to a subscriber when it requests, then completes.
     *
     * @param subscriber the subscriber
     */
    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        AtomicBoolean done = new AtomicBoolean();
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0 && done.compareAndSet(false, true)) {
                    subscriber.onError(new IllegalArgumentException("non-positive request: " + n));
                } else if (done.compareAndSet(false, true)) {
                    subscriber.onNext(buffer.duplicate());
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                done.set(true);
            }
        });
        if (!buffer.hasRemaining() && done.compareAndSet(false, true)) {
            subscriber.onComplete();
        }
    }
}
