package ai.runloop.api.spi.tck;

import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-shot request-body publisher that emits a byte array in chunks, only as requested, and
 * fails a second subscriber.
 */
final class ChunkPublisher implements Flow.Publisher<ByteBuffer> {

    private final byte[] bytes;
    private final int chunkSize;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    ChunkPublisher(byte[] bytes, int chunkSize) {
        this.bytes = bytes;
        this.chunkSize = chunkSize;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("one-shot publisher subscribed twice"));
            return;
        }
        subscriber.onSubscribe(new Flow.Subscription() {
            private final AtomicLong demand = new AtomicLong();
            private final AtomicInteger work = new AtomicInteger();
            private volatile boolean cancelled;
            private int offset;
            private boolean done;

            @Override
            public void request(long n) {
                demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
                if (work.getAndIncrement() != 0) {
                    return;
                }
                int missed = 1;
                do {
                    while (!done && !cancelled && demand.get() > 0 && offset < bytes.length) {
                        int n2 = Math.min(chunkSize, bytes.length - offset);
                        ByteBuffer chunk = ByteBuffer.wrap(bytes, offset, n2).slice();
                        offset += n2;
                        demand.decrementAndGet();
                        subscriber.onNext(chunk);
                    }
                    if (!done && !cancelled && offset >= bytes.length) {
                        done = true;
                        subscriber.onComplete();
                    }
                    missed = work.addAndGet(-missed);
                } while (missed != 0);
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        });
    }
}
