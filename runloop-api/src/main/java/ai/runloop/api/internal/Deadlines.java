package ai.runloop.api.internal;

import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.HttpTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Request deadlines without a thread wake-up per request. {@code CompletableFuture.orTimeout} schedules on
 * a shared delay queue whose timer thread is signalled whenever a new deadline becomes the earliest one,
 * which at low concurrency is every request (the previous deadline was already cancelled): measured with
 * the load driver, that made the pipeline's backstop cost a context switch per call. Here a heartbeat
 * task due every second stays at the head of the queue, so a deadline of more than a second never
 * becomes the head and scheduling it signals no one. Every deadline still fires on time.
 */
final class Deadlines {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Deadlines() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "runloop-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
        return timer;
    }

    /**
     * Fails the future with a {@link TimeoutException} unless it completes within the time; the timer is
     * dropped as soon as it completes.
     *
     * @param future the future
     * @param millis the time allowed
     * @param <T>    the value type
     * @return the same future
     */
    static <T> CompletableFuture<T> orTimeout(CompletableFuture<T> future, long millis) {
        if (future.isDone()) {
            return future;
        }
        ScheduledFuture<?> timer = TIMER.schedule(() -> future.completeExceptionally(new TimeoutException()),
                millis, TimeUnit.MILLISECONDS);
        future.whenComplete((value, failure) -> timer.cancel(false));
        return future;
    }

    /**
     * Sends one request through the transport, bounded by the request's timeout: by the transport itself
     * when it {@linkplain HttpTransport#enforcesTimeouts() enforces timeouts}, else by a backstop a
     * second after the timeout. A transport that throws instead of failing its future fails the result.
     *
     * @param transport the transport
     * @param request   the request
     * @param timeout   the request's timeout
     * @return the response
     */
    static CompletableFuture<HttpResponse> send(HttpTransport transport, HttpRequest request, java.time.Duration timeout) {
        CompletableFuture<HttpResponse> sent;
        try {
            sent = transport.send(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.enforcesTimeouts() ? sent : orTimeout(sent, timeout.toMillis() + 1000);
    }
}
