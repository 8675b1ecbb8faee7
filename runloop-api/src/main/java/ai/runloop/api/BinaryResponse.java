package ai.runloop.api;

import ai.runloop.api.internal.BlockingGuard;
import ai.runloop.api.internal.Failures;
import ai.runloop.api.internal.PublisherInputStream;
import ai.runloop.api.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A binary answer (a file download, a log archive) whose bytes are still on the wire. Read it once, in
 * one of the ways below; each streams, so a download of any size never has to fit in memory. Close it
 * when not reading it to the end, to free the connection.
 */
public final class BinaryResponse implements AutoCloseable {
    private final HttpResponse response;
    private final String what;
    private final AtomicBoolean taken = new AtomicBoolean();

    /**
     * @param response the streamed 2xx response
     * @param what     the operation and resource, for messages
     */
    public BinaryResponse(HttpResponse response, String what) {
        this.response = response;
        this.what = what;
    }

    private Flow.Publisher<ByteBuffer> take() {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException(what + ": the body was already read");
        }
        return response.isStreamed() ? response.bodyPublisher() : single(response.bodyBytes());
    }

    private static Flow.Publisher<ByteBuffer> single(byte[] bytes) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private boolean sent;

            @Override
            public void request(long n) {
                if (!sent && n > 0) {
                    sent = true;
                    subscriber.onNext(ByteBuffer.wrap(bytes));
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                sent = true;
            }
        });
    }

    /** @return the length the server announced, or -1 */
    public long contentLength() {
        return response.headers().firstValue("content-length").map(Long::parseLong).orElse(-1L);
    }

    /** @return a blocking stream of the bytes; close it when done */
    public InputStream inputStream() {
        return new PublisherInputStream(take());
    }

    /** @return all bytes (for small bodies), read without blocking */
    public CompletableFuture<byte[]> bytesAsync() {
        if (!taken.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException(what + ": the body was already read"));
        }
        return response.readAllBytes();
    }

    /** @return all bytes, waiting for them (for small bodies) */
    public byte[] bytes() {
        BlockingGuard.check(what + " bytes()", "bytesAsync()");
        try (InputStream in = inputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw Failures.map(what, e);
        }
    }

    /**
     * Writes the bytes to a file, replacing it, streaming from the socket to the disk.
     *
     * @param target the file
     * @return the number of bytes written
     */
    public long writeTo(Path target) {
        BlockingGuard.check(what + " writeTo()", "writeToAsync()");
        try (InputStream in = inputStream()) {
            return Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw Failures.map(what, new UncheckedIOException(e));
        }
    }

    /**
     * Writes the bytes to a file without blocking any thread: each buffer is written asynchronously
     * before the next is requested.
     *
     * @param target the file, replaced
     * @return completes with the number of bytes written
     */
    public CompletableFuture<Long> writeToAsync(Path target) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        AsynchronousFileChannel channel;
        try {
            channel = AsynchronousFileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(Failures.map(what, e));
        }
        take().subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;
            private long position;
            // onComplete may arrive while the last buffer is still being written (no demand is needed
            // for it): finish only once no write is in flight, or the tail is lost and the count short.
            private final Object lock = new Object();
            private boolean writing;
            private boolean upstreamDone;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
                synchronized (lock) {
                    writing = true;
                }
                write(item);
            }

            private void write(ByteBuffer item) {
                channel.write(item, position, item, new CompletionHandler<>() {
                    @Override
                    public void completed(Integer written, ByteBuffer buffer) {
                        position += written;
                        if (buffer.hasRemaining()) {
                            write(buffer);
                            return;
                        }
                        boolean finish;
                        synchronized (lock) {
                            writing = false;
                            finish = upstreamDone;
                        }
                        if (finish) {
                            finish();
                        } else {
                            subscription.request(1);
                        }
                    }

                    @Override
                    public void failed(Throwable error, ByteBuffer buffer) {
                        subscription.cancel();
                        closeQuietly();
                        result.completeExceptionally(Failures.map(what, error));
                    }
                });
            }

            @Override
            public void onError(Throwable error) {
                closeQuietly();
                result.completeExceptionally(Failures.map(what, error));
            }

            @Override
            public void onComplete() {
                boolean now;
                synchronized (lock) {
                    upstreamDone = true;
                    now = !writing;
                }
                if (now) {
                    finish();
                }
            }

            private void finish() {
                closeQuietly();
                result.complete(position);
            }

            private void closeQuietly() {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the outcome is already decided
                }
            }
        });
        return result;
    }

    @Override
    public void close() {
        response.close();
    }
}
