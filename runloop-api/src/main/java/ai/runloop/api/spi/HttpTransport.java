package ai.runloop.api.spi;

import java.util.concurrent.CompletableFuture;

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
     * Releases the transport's connections and threads. Requests in flight may fail with a
     * {@link TransportException} of reason {@link TransportException.Reason#CLOSED}; later calls to
     * {@link #send} fail with that reason. Closing twice has no effect.
     */
    @Override
    void close();
}
