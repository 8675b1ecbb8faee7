package ai.runloop.transport.vertx.internal;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;

/**
 * A request body publisher as a Vert.x {@link ReadStream}, so that the request can pipe it with
 * Vert.x's own backpressure: the publisher is asked for at most {@value #AHEAD} buffers beyond what
 * the pipe has taken. All state lives on one context.
 */
final class PublisherReadStream implements ReadStream<Buffer>, Flow.Subscriber<ByteBuffer> {

    private static final int AHEAD = 4;

    private final Flow.Publisher<ByteBuffer> publisher;
    private final Context context;
    private final long expected;
    private final ArrayDeque<Buffer> pending = new ArrayDeque<>();
    private Flow.Subscription subscription;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private long demand = Long.MAX_VALUE;
    private long requested;
    private long received;
    private boolean subscribed;
    private boolean ended;
    private boolean done;
    private boolean cancelled;
    private java.util.function.Consumer<Throwable> failureListener = failure -> { };

    PublisherReadStream(Flow.Publisher<ByteBuffer> publisher, long expected, Context context) {
        this.publisher = publisher;
        this.expected = expected;
        this.context = context;
    }

    /** Tells the exchange when the publisher breaks (the pipe replaces the exception handler). */
    void failureListener(java.util.function.Consumer<Throwable> listener) {
        this.failureListener = listener;
    }

    /** Stops the publisher, for an aborted exchange. */
    void cancel() {
        context.runOnContext(ignored -> {
            cancelled = true;
            pending.clear();
            if (subscription != null) {
                subscription.cancel();
            }
        });
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        if (handler != null && !subscribed) {
            subscribed = true;
            publisher.subscribe(this);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        demand = 0;
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        return fetch(Long.MAX_VALUE);
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
        drain();
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        context.runOnContext(ignored -> {
            if (subscription != null || cancelled) {
                s.cancel();
                return;
            }
            subscription = s;
            drain();
        });
    }

    @Override
    public void onNext(ByteBuffer item) {
        byte[] bytes = new byte[item.remaining()];
        item.get(bytes);
        context.runOnContext(ignored -> {
            if (done || cancelled) {
                return;
            }
            requested--;
            received += bytes.length;
            if (received > expected) {
                fail(new IOException("the body publisher sent more than its declared " + expected + " bytes"));
                return;
            }
            pending.add(Buffer.buffer(bytes));
            drain();
        });
    }

    @Override
    public void onError(Throwable error) {
        context.runOnContext(ignored -> fail(new IOException("the body publisher failed: " + error, error)));
    }

    @Override
    public void onComplete() {
        context.runOnContext(ignored -> {
            if (done || cancelled) {
                return;
            }
            if (received != expected) {
                fail(new IOException("the body publisher sent " + received + " bytes, not its declared " + expected));
                return;
            }
            ended = true;
            drain();
        });
    }

    private void drain() {
        while (demand > 0 && !pending.isEmpty() && !done) {
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
            Handler<Buffer> current = handler;
            Buffer next = pending.poll();
            if (current != null) {
                current.handle(next);
            }
        }
        if (done) {
            return;
        }
        if (ended && pending.isEmpty()) {
            done = true;
            if (endHandler != null) {
                endHandler.handle(null);
            }
            return;
        }
        if (subscription != null && !ended && !cancelled) {
            long room = AHEAD - pending.size() - requested;
            if (room > 0 && demand > 0) {
                requested += room;
                subscription.request(room);
            }
        }
    }

    private void fail(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        pending.clear();
        if (subscription != null) {
            subscription.cancel();
        }
        if (exceptionHandler != null) {
            exceptionHandler.handle(failure);
        }
        failureListener.accept(failure);
    }
}
