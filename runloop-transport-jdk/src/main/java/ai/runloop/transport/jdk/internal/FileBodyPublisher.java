package ai.runloop.transport.jdk.internal;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file request body for the JDK client, read in {@value #CHUNK}-byte chunks as the client asks for
 * them (on the asking thread, as the JDK's own file publisher does). The JDK's
 * {@code BodyPublishers.ofFile} reads 16 KiB at a time through a {@code FileInputStream}: for a 1 GiB
 * upload that is 65 thousand reads, buffers and socket writes; the transfer benchmark measured the
 * uploads' CPU time at about twice this publisher's. Every subscription reads the file from its start,
 * so the client may send the body again (for a retry).
 */
final class FileBodyPublisher implements HttpRequest.BodyPublisher {

    static final int CHUNK = 256 * 1024;

    private final Path file;
    private final long length;

    FileBodyPublisher(Path file) throws IOException {
        this.file = file;
        this.length = Files.size(file);
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Reader reader = new Reader(subscriber);
        subscriber.onSubscribe(reader);
    }

    /** One pass over the file; signals go out from {@link #drain()}, one thread at a time. */
    private final class Reader implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile Throwable badRequest;
        // Drain state.
        private FileChannel channel;
        private long position;
        private boolean done;

        Reader(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("non-positive request: " + n);
            } else {
                demand.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }

        private void drain() {
            if (work.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                while (!done && step()) {
                    // one chunk per step
                }
                missed = work.addAndGet(-missed);
            } while (missed != 0);
        }

        /** Sends one chunk, the end or a failure; false when there is nothing to do until more demand. */
        private boolean step() {
            if (cancelled) {
                finish();
                return false;
            }
            if (badRequest != null) {
                finish();
                subscriber.onError(badRequest);
                return false;
            }
            if (position == length) {
                finish();
                subscriber.onComplete();
                return false;
            }
            if (demand.get() == 0) {
                return false;
            }
            ByteBuffer chunk;
            try {
                if (channel == null) {
                    channel = FileChannel.open(file, StandardOpenOption.READ);
                }
                chunk = ByteBuffer.allocate((int) Math.min(CHUNK, length - position));
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, position + chunk.position()) < 0) {
                        throw new IOException(file + " is shorter than the " + length + " bytes it had when the request was made");
                    }
                }
            } catch (IOException | RuntimeException e) {
                finish();
                subscriber.onError(e);
                return false;
            }
            position += chunk.flip().remaining();
            demand.decrementAndGet();
            subscriber.onNext(chunk);
            return true;
        }

        private void finish() {
            done = true;
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more is read
                }
            }
        }
    }
}
