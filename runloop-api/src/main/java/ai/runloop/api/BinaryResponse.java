package ai.runloop.api;

import ai.runloop.api.internal.BlockingGuard;
import ai.runloop.api.internal.Failures;
import ai.runloop.api.internal.PublisherInputStream;
import ai.runloop.api.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
     * Writes the bytes to a file without blocking the caller or the transport's threads on the disk
     * (see {@link HttpResponse#writeBodyTo(Path)}).
     *
     * @param target the file, replaced
     * @return completes with the number of bytes written; cancelling it aborts the download
     */
    public CompletableFuture<Long> writeToAsync(Path target) {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException(what + ": the body was already read");
        }
        CompletableFuture<Long> written = response.writeBodyTo(target);
        CompletableFuture<Long> result = new CompletableFuture<>();
        written.whenComplete((count, error) -> {
            if (error != null) {
                response.close(); // frees the connection when the file could not even be opened
                result.completeExceptionally(Failures.map(what, error));
            } else {
                result.complete(count);
            }
        });
        result.whenComplete((count, error) -> {
            if (result.isCancelled()) {
                written.cancel(true);
            }
        });
        return result;
    }

    @Override
    public void close() {
        response.close();
    }
}
