package ai.runloop.api.spi;

import ai.runloop.api.internal.transport.BodyCollector;
import ai.runloop.api.internal.transport.OneShotBody;
import ai.runloop.api.internal.transport.SingleBufferPublisher;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

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

    private HttpResponse(int status, Headers headers, byte[] bytes, OneShotBody stream) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("invalid status: " + status);
        }
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.bytes = bytes;
        this.stream = stream;
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
        return new HttpResponse(status, headers, Objects.requireNonNull(body, "body"), null);
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
        return new HttpResponse(status, headers, null, new OneShotBody(body));
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
