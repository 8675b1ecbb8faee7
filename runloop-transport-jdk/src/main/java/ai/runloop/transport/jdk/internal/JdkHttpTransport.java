package ai.runloop.transport.jdk.internal;

import ai.runloop.api.spi.Headers;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import ai.runloop.api.spi.TransportException;
import ai.runloop.api.spi.TransportOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The transport on {@link java.net.http.HttpClient}.
 *
 * <p>Cancelling: the JDK 17 client aborts an exchange (closing an HTTP/1.1 connection, resetting an
 * HTTP/2 stream) only when its own future is cancelled with {@code cancel(true)}; cancelling a
 * dependent stage does nothing. So {@link #send} returns its own future and, however that one is
 * cancelled or timed out, cancels the JDK's future with {@code cancel(true)}. A response that
 * arrives anyway is closed, which cancels its body subscription and frees the connection.
 *
 * <p>Timeouts: the JDK's request timeout ends when the response headers arrive; for a buffered
 * response this transport also times the body, so that the whole exchange fits the request timeout.
 */
public final class JdkHttpTransport implements HttpTransport {

    private final ClientPerKind clients;
    private final Set<CompletableFuture<HttpResponse>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates a transport; no client is built before the first request.
     *
     * @param options the transport options
     */
    public JdkHttpTransport(TransportOptions options) {
        this.clients = new ClientPerKind(options);
    }

    /**
     * Sends a request on the client of its kind.
     *
     * @param request the request
     * @return a future of the response, failed with a {@link TransportException}
     */
    /** Every request's timeout is enforced here (the TCK's timeout tests): the pipeline adds no backstop. */
    @Override
    public boolean enforcesTimeouts() {
        return true;
    }

    @Override
    public CompletableFuture<HttpResponse> send(HttpRequest request) {
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        String what = request.method() + " " + request.uri();
        if (closed) {
            result.completeExceptionally(new TransportException(TransportException.Reason.CLOSED,
                    what + ": the transport is closed", null));
            return result;
        }
        inFlight.add(result);
        java.net.http.HttpRequest jdkRequest;
        try {
            jdkRequest = RequestConverter.toJdk(request);
        } catch (IOException | RuntimeException e) {
            cannotSend(result, what, e);
            return result;
        }
        CompletableFuture<HttpClient> client = clients.getAsync(request.kind(),
                "http".equalsIgnoreCase(request.uri().getScheme()));
        if (client.isDone()) {
            dispatch(client.join(), jdkRequest, request, result, what);
        } else {
            client.whenComplete((built, failure) -> {
                if (failure != null) {
                    cannotSend(result, what, failure);
                } else if (result.isDone()) {
                    inFlight.remove(result); // cancelled or timed out while the client was being built
                } else {
                    dispatch(built, jdkRequest, request, result, what);
                }
            });
        }
        if (!request.streamResponse() && request.timeout().isPresent()) {
            java.time.Duration timeout = request.timeout().get();
            // Cancelled when the exchange ends: a timer left behind holds the response until it fires, which
            // at thousands of requests a second kept a whole timeout's worth of responses on the heap.
            ScheduledFuture<?> timer = Timers.SCHEDULER.schedule(() -> result.completeExceptionally(
                    new TransportException(TransportException.Reason.TIMEOUT,
                            what + ": no whole response within " + timeout, null)), timeout.toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((response, failure) -> timer.cancel(false));
        }
        if (closed) {
            close();
        }
        return result;
    }

    private void dispatch(HttpClient client, java.net.http.HttpRequest jdkRequest, HttpRequest request,
                          CompletableFuture<HttpResponse> result, String what) {
        try {
            if (request.streamResponse()) {
                link(result, client.sendAsync(jdkRequest, BodyHandlers.ofPublisher()), response -> streamed(response, what),
                        what);
            } else {
                link(result, client.sendAsync(jdkRequest, BodyHandlers.ofByteArray()), JdkHttpTransport::buffered, what);
            }
        } catch (RuntimeException e) {
            cannotSend(result, what, e);
        }
    }

    private void cannotSend(CompletableFuture<HttpResponse> result, String what, Throwable e) {
        inFlight.remove(result);
        result.completeExceptionally(new TransportException(TransportException.Reason.IO,
                what + ": cannot send the request: " + e, e));
    }

    /**
     * Fails requests in flight with {@code CLOSED}, which aborts them, and stops the clients' threads, so
     * that none is left to delay the JVM's exit.
     */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<HttpResponse> future : List.copyOf(inFlight)) {
            future.completeExceptionally(new TransportException(TransportException.Reason.CLOSED,
                    "the transport was closed", null));
        }
        clients.close();
    }

    /** One daemon timer thread for the body timeouts of every JDK transport, created on first use. */
    private static final class Timers {
        static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

        private static ScheduledThreadPoolExecutor scheduler() {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "runloop-jdk-transport-timer");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.setRemoveOnCancelPolicy(true);
            // A heartbeat due every second stays at the head of the delay queue, so scheduling a longer
            // timeout never signals the timer thread: no wake-up per request, and every timeout still
            // fires on time.
            scheduler.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
            return scheduler;
        }
    }

    private static HttpResponse buffered(java.net.http.HttpResponse<byte[]> response) {
        return HttpResponse.buffered(response.statusCode(), headers(response), response.body());
    }

    private static HttpResponse streamed(java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, String what) {
        return HttpResponse.streamed(response.statusCode(), headers(response), new FlatteningPublisher(response.body(),
                failure -> FailureClassifier.classify(failure, what + " (response body)")));
    }

    private static Headers headers(java.net.http.HttpResponse<?> response) {
        Headers.Builder headers = Headers.builder();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        return headers.build();
    }

    /**
     * Completes {@code result} from the JDK's future, and aborts the JDK exchange when
     * {@code result} fails first (cancelled, timed out, transport closed).
     */
    private <T> void link(CompletableFuture<HttpResponse> result,
                          CompletableFuture<java.net.http.HttpResponse<T>> jdkFuture,
                          Function<java.net.http.HttpResponse<T>, HttpResponse> convert,
                          String what) {
        jdkFuture.whenComplete((jdkResponse, failure) -> {
            if (failure != null) {
                result.completeExceptionally(FailureClassifier.classify(failure, what));
                return;
            }
            HttpResponse response;
            try {
                response = convert.apply(jdkResponse);
            } catch (RuntimeException e) {
                result.completeExceptionally(FailureClassifier.classify(e, what));
                return;
            }
            if (!result.complete(response)) {
                response.close();
            }
        });
        result.whenComplete((response, failure) -> {
            inFlight.remove(result);
            if (failure != null) {
                // Only cancel(true) on the JDK's own future aborts the exchange.
                jdkFuture.cancel(true);
            }
        });
    }
}
