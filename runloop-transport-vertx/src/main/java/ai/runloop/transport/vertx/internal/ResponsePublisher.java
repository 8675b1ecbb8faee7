package ai.runloop.transport.vertx.internal;

import io.vertx.core.Context;
import io.vertx.core.http.HttpClientResponse;
import ai.runloop.api.spi.TransportException;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A streamed response body as a publisher: the response stays paused and the subscriber's demand
 * becomes {@link HttpClientResponse#fetch(long)}, one buffer per item, so Vert.x stops reading the
 * socket (HTTP/1.1) or withholds window updates (HTTP/2) while the subscriber is slow. Items arrive
 * on the response's context.
 */
final class ResponsePublisher implements Flow.Publisher<ByteBuffer> {

    private static final Flow.Subscription NOTHING = new Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private final HttpClientResponse response;
    private final Context context;
    private final Exchange exchange;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private boolean terminated;

    /** Wraps a response that is paused already; called on the response's context. */
    ResponsePublisher(HttpClientResponse response, Context context, Exchange exchange) {
        this.response = response;
        this.context = context;
        this.exchange = exchange;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(NOTHING);
            subscriber.onError(new IllegalStateException("the response body can be subscribed only once"));
            return;
        }
        context.runOnContext(ignored -> {
            TransportException early = exchange.earlyBodyFailure();
            if (early != null) {
                // The connection broke before this subscriber came; the response no longer takes handlers.
                terminated = true;
                subscriber.onSubscribe(NOTHING);
                subscriber.onError(early);
                return;
            }
            response.handler(buffer -> {
                if (!terminated) {
                    // Vert.x hands handlers a heap copy of its own (never a pooled buffer): wrapped, not copied again.
                    subscriber.onNext(((BufferInternal) buffer).getByteBuf().nioBuffer());
                }
            });
            response.exceptionHandler(failure -> {
                if (!terminated) {
                    terminated = true;
                    exchange.finished();
                    subscriber.onError(Failures.exchange(failure, exchange.what()));
                }
            });
            response.endHandler(ignoredEnd -> {
                if (!terminated) {
                    terminated = true;
                    exchange.finished();
                    subscriber.onComplete();
                }
            });
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    context.runOnContext(ignoredRequest -> {
                        if (terminated) {
                            return;
                        }
                        if (n <= 0) {
                            terminated = true;
                            exchange.reset();
                            subscriber.onError(new IllegalArgumentException("non-positive request: " + n));
                            return;
                        }
                        response.fetch(n);
                    });
                }

                @Override
                public void cancel() {
                    context.runOnContext(ignoredCancel -> {
                        if (!terminated) {
                            terminated = true;
                            exchange.reset();
                        }
                    });
                }
            });
            // After onSubscribe: a body that breaks from now on, outside the response's own handlers.
            exchange.onBodyFailure(failure -> {
                if (!terminated) {
                    terminated = true;
                    subscriber.onError(failure);
                }
            });
        });
    }
}
