package ai.runloop.transport.netty.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Flow;
import io.netty.channel.EventLoop;

/**
 * A streamed response body as a publisher with backpressure: its channel reads from the socket
 * (auto-read is off) only while the subscriber has asked for more than is queued, so at most one
 * socket read's worth of data waits here. All state is touched on the channel's event loop.
 */
final class StreamedBody implements Flow.Publisher<ByteBuffer> {

    private final EventLoop loop;
    private final Exchange exchange;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private Flow.Subscriber<? super ByteBuffer> subscriber;
    private boolean subscribed;
    private long demand;
    private boolean ended;
    private Throwable error;
    private boolean terminated;
    private boolean draining;

    StreamedBody(EventLoop loop, Exchange exchange) {
        this.loop = loop;
        this.exchange = exchange;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
        Objects.requireNonNull(s, "subscriber");
        loop.execute(() -> {
            if (subscribed) {
                s.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                s.onError(new IllegalStateException("the response body can be subscribed only once"));
                return;
            }
            subscribed = true;
            subscriber = s;
            s.onSubscribe(new Subscription());
            drain();
        });
    }

    /** Queues bytes that arrived (on the event loop). */
    void offer(ByteBuffer bytes) {
        if (!terminated) {
            queue.add(bytes);
            drain();
        }
    }

    /** The body ended (on the event loop). */
    void end() {
        ended = true;
        drain();
    }

    /** The body broke (on the event loop); queued bytes are dropped. */
    void fail(Throwable failure) {
        if (!ended && error == null) {
            error = failure;
            queue.clear();
            drain();
        }
    }

    /** Whether the subscriber wants bytes that are not queued yet. */
    boolean wantsMore() {
        return subscribed && !terminated && demand > 0 && queue.isEmpty() && !ended && error == null;
    }

    private void drain() {
        if (draining || subscriber == null || terminated) {
            return;
        }
        draining = true;
        try {
            while (demand > 0 && !queue.isEmpty() && !terminated) {
                demand--;
                subscriber.onNext(queue.poll());
            }
            if (terminated) {
                return;
            }
            if (error != null) {
                terminated = true;
                subscriber.onError(error);
            } else if (ended && queue.isEmpty()) {
                terminated = true;
                subscriber.onComplete();
            } else if (wantsMore()) {
                exchange.readMore();
            }
        } finally {
            draining = false;
        }
    }

    private final class Subscription implements Flow.Subscription {
        @Override
        public void request(long n) {
            loop.execute(() -> {
                if (terminated) {
                    return;
                }
                if (n <= 0) {
                    terminated = true;
                    queue.clear();
                    exchange.cancelStream();
                    subscriber.onError(new IllegalArgumentException("non-positive request: " + n));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                drain();
            });
        }

        @Override
        public void cancel() {
            loop.execute(() -> {
                if (!terminated) {
                    terminated = true;
                    queue.clear();
                    exchange.cancelStream();
                }
            });
        }
    }
}
