package ai.runloop.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;

/**
 * A blocking {@link InputStream} over a streamed body. Holds at most a few buffers: it asks the
 * publisher for the next one only as the reader consumes, so a slow reader applies backpressure all the
 * way to the socket.
 */
public final class PublisherInputStream extends InputStream implements Flow.Subscriber<ByteBuffer> {
    private static final int PREFETCH = 4;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(PREFETCH + 2);
    private volatile Flow.Subscription subscription;
    private ByteBuffer current;
    private boolean finished;

    /** @param publisher the body to read; subscribed at once */
    public PublisherInputStream(Flow.Publisher<ByteBuffer> publisher) {
        publisher.subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(PREFETCH);
    }

    @Override
    public void onNext(ByteBuffer item) {
        queue.offer(item);
    }

    @Override
    public void onError(Throwable error) {
        queue.offer(error);
    }

    @Override
    public void onComplete() {
        queue.offer(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || !current.hasRemaining()) {
            if (finished) {
                return -1;
            }
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new InterruptedIOException("interrupted while reading the body");
            }
            if (next == END) {
                finished = true;
                return -1;
            }
            if (next instanceof Throwable t) {
                finished = true;
                throw new IOException("the body stream failed: " + Failures.unwrap(t).getMessage(), t);
            }
            current = (ByteBuffer) next;
            subscription.request(1);
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public void close() {
        if (!finished) {
            finished = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
