package ai.runloop.api.spi;

import ai.runloop.api.internal.FileSink;
import ai.runloop.api.internal.transport.BodyCollector;
import ai.runloop.api.internal.transport.OneShotBody;
import ai.runloop.api.internal.transport.SingleBufferPublisher;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * An HTTP response: status, headers and a body that is either buffered bytes or a stream.
 *
 * <p>A streamed body holds a connection until it is read to the end or the response is
 * {@linkplain #close() closed}; close every streamed response you do not read fully.
 */
public final class HttpResponse implements AutoCloseable {

    private final int status;
    private final Headers headers;
    private final byte[] bytes;
    private final OneShotBody stream;
    private final Function<Path, CompletableFuture<Long>> fileWriter;

    private HttpResponse(int status, Headers headers, byte[] bytes, OneShotBody stream,
                         Function<Path, CompletableFuture<Long>> fileWriter) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("invalid status: " + status);
        }
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.bytes = bytes;
        this.stream = stream;
        this.fileWriter = fileWriter;
    }

    /**
     * A response whose body has been read whole; the array is not copied (for transports).
     *
     * @param status the status code
     * @param headers the response headers
     * @param body the body, empty if none
     * @return the response
     */
    public static HttpResponse buffered(int status, Headers headers, byte[] body) {
        return new HttpResponse(status, headers, Objects.requireNonNull(body, "body"), null, null);
    }

    /**
     * A response whose body is streamed. The publisher must publish the body in order, honour
     * demand, and free the connection when its subscription is cancelled.
     *
     * @param status the status code
     * @param headers the response headers
     * @param body the body, subscribed at most once
     * @return the response
     */
    public static HttpResponse streamed(int status, Headers headers, Flow.Publisher<ByteBuffer> body) {
        return new HttpResponse(status, headers, null, new OneShotBody(body), null);
    }

    /**
     * A response whose body is streamed, and which the transport can also write to a file itself: for
     * transports that can move the bytes from their own buffers to the disk without handing each one to
     * a subscriber (and so without copying it into a buffer of its own). The body is read one way or the
     * other, once: by {@link #bodyPublisher()} or by {@link #writeBodyTo(Path)}.
     *
     * @param status the status code
     * @param headers the response headers
     * @param body the body, subscribed at most once
     * @param fileWriter writes the body to the given file (created or truncated) and completes with the
     *     number of bytes written, or fails as the publisher would; cancelling its future aborts the body
     * @return the response
     */
    public static HttpResponse streamed(int status, Headers headers, Flow.Publisher<ByteBuffer> body,
                                        Function<Path, CompletableFuture<Long>> fileWriter) {
        return new HttpResponse(status, headers, null, new OneShotBody(body), Objects.requireNonNull(fileWriter, "fileWriter"));
    }

    /**
     * The status code.
     *
     * @return the status, such as 200 or 404
     */
    public int status() {
        return status;
    }

    /**
     * The response headers; lookups ignore case.
     *
     * @return the headers
     */
    public Headers headers() {
        return headers;
    }

    /**
     * Whether the body is streamed ({@link #bodyPublisher()}) rather than buffered.
     *
     * @return {@code true} if streamed
     */
    public boolean isStreamed() {
        return stream != null;
    }

    /**
     * The buffered body.
     *
     * @return a copy of the body bytes
     * @throws IllegalStateException if the body is streamed; use {@link #readAllBytes()}
     */
    public byte[] bodyBytes() {
        if (bytes == null) {
            throw new IllegalStateException("the body is streamed: subscribe to bodyPublisher() or call readAllBytes()");
        }
        return bytes.clone();
    }

    /**
     * The body as a publisher that may be subscribed once. Items are delivered on a transport
     * thread, as requested; the subscriber must not block. For a buffered body, a publisher of its
     * bytes.
     *
     * @return the body publisher
     */
    public Flow.Publisher<ByteBuffer> bodyPublisher() {
        if (stream != null) {
            return stream;
        }
        return new SingleBufferPublisher(ByteBuffer.wrap(bytes));
    }

    /**
     * Reads the whole body, for instance the error body of a streamed request. Cancelling the
     * future cancels the stream.
     *
     * @return a future of the body bytes
     */
    public CompletableFuture<byte[]> readAllBytes() {
        if (stream == null) {
            return CompletableFuture.completedFuture(bytes.clone());
        }
        return BodyCollector.collect(stream);
    }

    /**
     * Writes the body to a file, created or truncated first, without holding it in memory and without
     * blocking the caller or a transport thread on the disk: through the transport's own file writer
     * when it has one, else by subscribing to the body and writing on a writer thread. Cancelling the
     * future aborts the body.
     *
     * @param target the file
     * @return a future of the number of bytes written, completed once the file is closed; failed with the
     *     body's failure (a {@link TransportException} when the connection broke) or the file's
     *     {@link java.io.IOException}, or {@link IllegalStateException} if the body was already taken
     */
    public CompletableFuture<Long> writeBodyTo(Path target) {
        Objects.requireNonNull(target, "target");
        if (stream == null) {
            return FileSink.write(new SingleBufferPublisher(ByteBuffer.wrap(bytes)), target);
        }
        if (fileWriter == null) {
            return FileSink.write(stream, target);
        }
        if (!stream.claim()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the response body was already taken"));
        }
        return fileWriter.apply(target);
    }

    /**
     * Releases a streamed body that has not been read to the end, freeing its connection. Has no
     * effect on a buffered body, or when called again.
     */
    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }

    /**
     * A description safe to log: status, headers (credentials redacted) and the body's form.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "HttpResponse " + status + " " + headers + (stream != null ? " (streamed)" : " (" + bytes.length + " bytes)");
    }
}
