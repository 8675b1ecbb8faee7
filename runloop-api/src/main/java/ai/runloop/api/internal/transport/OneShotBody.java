package ai.runloop.api.internal.transport;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps a transport's streamed response body so that it is subscribed at most once and can be
 * released by closing: closing cancels the subscription, or, if nobody subscribed, subscribes and
 * cancels at once so that the transport frees the connection.
 */
public final class OneShotBody implements Flow.Publisher<ByteBuffer> {

    private final Flow.Publisher<ByteBuffer> upstream;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private volatile boolean finished;

    /**
     * Wraps a publisher.
     *
     * @param upstream the transport's publisher of the body, subscribed at most once
     */
    public OneShotBody(Flow.Publisher<ByteBuffer> upstream) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
    }

    /**
     * Subscribes the one subscriber of the body; a second subscriber, or one after
     * {@link #close()}, gets {@code onError(IllegalStateException)}.
     *
     * @param downstream the subscriber
     */
    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> downstream) {
        Objects.requireNonNull(downstream, "subscriber");
        if (!claimed.compareAndSet(false, true)) {
            downstream.onSubscribe(NoopSubscription.INSTANCE);
            downstream.onError(new IllegalStateException(
                    closed ? "the response was closed" : "the response body can be subscribed only once"));
            return;
        }
        upstream.subscribe(new Forwarder(downstream));
    }

    /**
     * Takes the body for a consumer that reads it some other way than by subscribing (a transport's own
     * file writer); afterwards the body can neither be subscribed nor released by {@link #close()}.
     *
     * @return whether the body was still untaken
     */
    public boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    /** Releases the body: cancels the subscription, or subscribes and cancels if nobody subscribed. */
    public void close() {
        closed = true;
        if (claimed.compareAndSet(false, true)) {
            upstream.subscribe(new Forwarder(null));
            return;
        }
        Flow.Subscription current = subscription;
        if (current != null && !finished) {
            current.cancel();
        }
    }

    private final class Forwarder implements Flow.Subscriber<ByteBuffer> {

        private final Flow.Subscriber<? super ByteBuffer> downstream;

        Forwarder(Flow.Subscriber<? super ByteBuffer> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (downstream == null) {
                s.cancel();
                return;
            }
            downstream.onSubscribe(s);
            if (closed) {
                s.cancel();
            }
        }

        @Override
        public void onNext(ByteBuffer item) {
            if (downstream != null) {
                downstream.onNext(item);
            }
        }

        @Override
        public void onError(Throwable error) {
            finished = true;
            if (downstream != null) {
                downstream.onError(error);
            }
        }

        @Override
        public void onComplete() {
            finished = true;
            if (downstream != null) {
                downstream.onComplete();
            }
        }
    }

    private enum NoopSubscription implements Flow.Subscription {
        INSTANCE;

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }
}
