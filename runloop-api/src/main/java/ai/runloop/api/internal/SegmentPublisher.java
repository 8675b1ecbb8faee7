package ai.runloop.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Publishes a sequence of in-memory and streamed segments as one body, reading a streamed segment
 * chunk by chunk on demand, so a multipart upload of a large file never holds the file in memory.
 * One subscriber only.
 */
final class SegmentPublisher implements Flow.Publisher<ByteBuffer> {
    static final int CHUNK = 64 * 1024;

    /** A part of the body: fixed bytes, or a stream opened when it is reached. */
    sealed interface Segment {
    }

    /** @param bytes fixed bytes */
    record Fixed(byte[] bytes) implements Segment {
    }

    /** @param opener opens the stream when the segment is reached */
    record Streamed(Supplier<InputStream> opener) implements Segment {
    }

    private final List<Segment> segments;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    SegmentPublisher(List<Segment> segments) {
        this.segments = List.copyOf(segments);
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
            subscriber.onError(new IllegalStateException("a request body can be read once"));
            return;
        }
        subscriber.onSubscribe(new Emitter(subscriber));
    }

    private final class Emitter implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final Queue<Segment> pending = new ArrayDeque<>(segments);
        private final AtomicLong demand = new AtomicLong();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean done;
        private InputStream current;

        Emitter(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("demand must be positive: " + n));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        @Override
        public void cancel() {
            done = true;
            closeCurrent();
        }

        /** Emits while there is demand; reentrant calls from onNext only add demand. */
        private void drain() {
            if (!draining.compareAndSet(false, true)) {
                return;
            }
            try {
                while (!done && demand.get() > 0) {
                    ByteBuffer next = nextChunk();
                    if (next == null) {
                        done = true;
                        subscriber.onComplete();
                        return;
                    }
                    demand.decrementAndGet();
                    subscriber.onNext(next);
                }
            } catch (IOException | UncheckedIOException e) {
                fail(e);
            } finally {
                draining.set(false);
            }
            if (!done && demand.get() > 0) {
                drain();
            }
        }

        private ByteBuffer nextChunk() throws IOException {
            while (true) {
                if (current != null) {
                    byte[] buffer = new byte[CHUNK];
                    int read = current.readNBytes(buffer, 0, CHUNK);
                    if (read > 0) {
                        return ByteBuffer.wrap(buffer, 0, read);
                    }
                    closeCurrent();
                }
                Segment segment = pending.poll();
                if (segment == null) {
                    return null;
                }
                if (segment instanceof Fixed fixed) {
                    if (fixed.bytes().length > 0) {
                        return ByteBuffer.wrap(fixed.bytes());
                    }
                } else if (segment instanceof Streamed streamed) {
                    current = streamed.opener().get();
                }
            }
        }

        private void fail(Throwable error) {
            if (!done) {
                done = true;
                closeCurrent();
                subscriber.onError(error);
            }
        }

        private void closeCurrent() {
            InputStream stream = current;
            current = null;
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // closing after the body was sent or abandoned; nothing to report
                }
            }
        }
    }
}
