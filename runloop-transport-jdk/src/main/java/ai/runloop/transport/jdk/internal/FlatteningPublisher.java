package ai.runloop.transport.jdk.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Turns the JDK's publisher of {@code List<ByteBuffer>} into a publisher of {@code ByteBuffer},
 * with backpressure: it asks upstream for one list at a time, and only when every buffer of the
 * previous list has been delivered and the subscriber still has demand. Cancelling cancels
 * upstream, which makes the JDK close the connection.
 */
final class FlatteningPublisher implements Flow.Publisher<ByteBuffer> {

    private final Flow.Publisher<List<ByteBuffer>> upstream;
    private final Function<Throwable, Throwable> failures;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    FlatteningPublisher(Flow.Publisher<List<ByteBuffer>> upstream) {
        this(upstream, Function.identity());
    }

    /**
     * @param upstream the JDK's body
     * @param failures turns an upstream failure into the one the subscriber gets (classified, so that a
     *                 body cut mid-way is a retryable connection failure like any other)
     */
    FlatteningPublisher(Flow.Publisher<List<ByteBuffer>> upstream, Function<Throwable, Throwable> failures) {
        this.upstream = upstream;
        this.failures = failures;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("the body can be subscribed only once"));
            return;
        }
        upstream.subscribe(new Bridge(subscriber, failures));
    }

    /** Subscribes upstream and serves downstream; all downstream signals come from {@link #drain()}. */
    private static final class Bridge implements Flow.Subscriber<List<ByteBuffer>>, Flow.Subscription {

        private final Flow.Subscriber<? super ByteBuffer> downstream;
        private final Function<Throwable, Throwable> failures;
        private final Queue<ByteBuffer> ready = new ConcurrentLinkedQueue<>();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger work = new AtomicInteger();
        private volatile Flow.Subscription upstream;
        private volatile boolean awaitingList;
        private volatile boolean upstreamDone;
        private volatile Throwable failure;
        private volatile boolean cancelled;
        private volatile Throwable badRequest;
        private boolean terminated;

        Bridge(Flow.Subscriber<? super ByteBuffer> downstream, Function<Throwable, Throwable> failures) {
            this.downstream = downstream;
            this.failures = failures;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            upstream = subscription;
            downstream.onSubscribe(this);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (buffer.hasRemaining()) {
                    ready.add(buffer);
                }
            }
            awaitingList = false;
            drain();
        }

        @Override
        public void onError(Throwable error) {
            failure = failures.apply(error);
            upstreamDone = true;
            drain();
        }

        @Override
        public void onComplete() {
            upstreamDone = true;
            drain();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("non-positive request: " + n);
                upstream.cancel();
            } else {
                demand.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            upstream.cancel();
            drain();
        }

        /** Delivers what is ready and asks for more; one thread at a time, re-entrant calls loop. */
        private void drain() {
            if (work.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                if (!terminated) {
                    drainOnce();
                }
                missed = work.addAndGet(-missed);
            } while (missed != 0);
        }

        private void drainOnce() {
            if (badRequest != null && !cancelled) {
                terminated = true;
                ready.clear();
                downstream.onError(badRequest);
                return;
            }
            while (!cancelled && demand.get() > 0 && !ready.isEmpty()) {
                demand.decrementAndGet();
                downstream.onNext(ready.poll());
            }
            if (cancelled) {
                ready.clear();
                terminated = true;
            } else if (ready.isEmpty() && upstreamDone) {
                terminated = true;
                Throwable error = failure;
                if (error != null) {
                    downstream.onError(error);
                } else {
                    downstream.onComplete();
                }
            } else if (ready.isEmpty() && demand.get() > 0 && !awaitingList) {
                awaitingList = true;
                upstream.request(1);
            }
        }
    }
}
