package ai.runloop.api.spi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends HTTP requests asynchronously. Implementations are thread-safe.
 *
 * <p>Contract every implementation keeps (checked by the transport TCK):
 * <ul>
 *   <li>{@link #send} never blocks the calling thread and never throws: every failure completes the
 *       future exceptionally with a {@link TransportException}.</li>
 *   <li>Any HTTP status is a response, not a failure. Redirects are not followed.</li>
 *   <li>Request bodies are streamed, never held whole in memory (a file body is read from disk as
 *       it is sent).</li>
 *   <li>Requests of different {@link RequestKind}s do not share a connection pool, so long polls and
 *       transfers never starve ordinary calls.</li>
 *   <li>Cancelling the returned future (with {@code cancel(true)} or {@code cancel(false)}) aborts the
 *       exchange and frees its connection; a response that arrives afterwards is closed by the
 *       transport.</li>
 *   <li>The future completes on a transport thread: dependent stages must be cheap and must not
 *       block.</li>
 * </ul>
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends one request.
     *
     * @param request the request to send
     * @return a future of the response, completed when its status and headers have arrived and, if
     *     the request does not {@linkplain HttpRequest#streamResponse() stream} the response, when its
     *     whole body has arrived too; completed exceptionally with a {@link TransportException} when
     *     the exchange fails
     */
    CompletableFuture<HttpResponse> send(HttpRequest request);

    /**
     * Whether this transport enforces every request's {@linkplain HttpRequest#timeout() timeout} by
     * itself, on every exchange: when it passes before the response's headers (streamed) or its whole
     * body (buffered) have arrived, the exchange is aborted, its connection closed or its stream reset,
     * and the future fails with {@link TransportException.Reason#TIMEOUT}. The transport TCK's timeout
     * tests check exactly this (a server that never answers, one that stalls in the middle of a body).
     *
     * <p>A transport that answers {@code true} is trusted: the pipeline sets no deadline of its own.
     * The default, {@code false}, makes the pipeline add a backstop (the timeout plus a second on a
     * timer of its own) to every request, which costs a timer per request but bounds a call whose
     * transport ignores the timeout. Answer {@code true} only when the TCK passes.
     *
     * @return {@code true} if the transport enforces {@link HttpRequest#timeout()} itself
     */
    default boolean enforcesTimeouts() {
        return false;
    }

    /**
     * A pause, for the pipeline's retry backoff and its polling loops: the returned future completes
     * after the delay, and the request that follows is sent from where it completes. The default
     * completes on a JDK timer thread. A transport whose futures complete on the caller's context
     * (Vert.x) completes it on the context of the calling thread, so a request retried or polled again
     * still completes on the context it was started from.
     *
     * @param delay how long to wait; zero or negative completes at once
     * @return a future completed after the delay
     */
    default CompletableFuture<Void> delay(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    /**
     * Releases the transport's connections and threads. Requests in flight may fail with a
     * {@link TransportException} of reason {@link TransportException.Reason#CLOSED}; later calls to
     * {@link #send} fail with that reason. Closing twice has no effect.
     */
    @Override
    void close();
}
