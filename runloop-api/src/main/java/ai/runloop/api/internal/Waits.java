package ai.runloop.api.internal;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.RequestOptions;
import ai.runloop.api.errors.ApiStatusException;
import ai.runloop.api.errors.PollingTimeoutException;
import ai.runloop.api.errors.RunloopConnectionException;
import ai.runloop.api.spi.Headers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The two waiting loops of the SDK (behaviours §8.2–8.3), non-blocking: the long-poll loop, where the
 * server holds each request and a 408 or a dropped connection means "not yet" (and a 429 or 5xx,
 * since long polls are sent with retries off, is ridden out after a pause, up to
 * {@value #MAX_TRANSIENT_IN_ROW} in a row), and the plain polling
 * loop with a pause between requests. Both stop at the {@link PollingConfig} budget with a
 * {@link PollingTimeoutException} that names what was awaited and the last status seen.
 */
public final class Waits {
    /** The pause after a long poll that answered at once without reaching the goal, against hot loops. */
    private static final Duration SETTLE = Duration.ofMillis(50);
    /**
     * How many transient answers (429, 5xx, or {@code x-should-retry: true}) in a row a long-poll loop
     * rides out before giving up; the client's default retry count.
     */
    static final int MAX_TRANSIENT_IN_ROW = 5;
    /** The first pause after a transient answer without a server hint; doubled per answer in a row. */
    private static final Duration TRANSIENT_BACKOFF = Duration.ofMillis(100);

    private Waits() {
    }

    /**
     * A long-poll loop.
     *
     * @param request  sends one long poll holding at most the given time, with retries off
     * @param done     whether a value is the one awaited
     * @param status   the status of a value, for messages
     * @param polling  the budget
     * @param awaited  what is awaited, for messages
     * @param clamp    the server's longest hold
     * @param <T>      the polled view
     * @return the first value that is done
     */
    public static <T> CompletableFuture<T> longPoll(Function<Duration, CompletableFuture<T>> request, Predicate<T> done,
                                                    Function<T, String> status, PollingConfig polling, String awaited,
                                                    Duration clamp) {
        return longPoll(request, done, status, polling, awaited, clamp, null, null);
    }

    /**
     * A long-poll loop that knows the resource beyond its polls: the value seen before the loop (e.g. the
     * reply of the create that started the wait) and a plain read of the current value, made once when
     * the budget runs out, so a timeout names the freshest status even when every hold ended in 408.
     *
     * @param request  sends one long poll holding at most the given time, with retries off
     * @param done     whether a value is the one awaited
     * @param status   the status of a value, for messages
     * @param polling  the budget
     * @param awaited  what is awaited, for messages
     * @param clamp    the server's longest hold
     * @param lastSeen the value seen before the loop, or null
     * @param current  reads the resource's current value (a plain GET), or null
     * @param <T>      the polled view
     * @return the first value that is done
     */
    public static <T> CompletableFuture<T> longPoll(Function<Duration, CompletableFuture<T>> request, Predicate<T> done,
                                                    Function<T, String> status, PollingConfig polling, String awaited,
                                                    Duration clamp, T lastSeen,
                                                    java.util.function.Supplier<CompletableFuture<T>> current) {
        return longPoll(null, request, done, status, polling, awaited, clamp, lastSeen, current);
    }

    /**
     * The long-poll loop of {@link #longPoll(Function, Predicate, Function, PollingConfig, String, Duration,
     * Object, java.util.function.Supplier)}, pausing through the client's transport so that it resumes
     * where the caller's completions run (a Vert.x context).
     *
     * @param core     the pipeline whose transport pauses, or null for a JDK timer
     * @param request  sends one long poll holding at most the given time, with retries off
     * @param done     whether a value is the one awaited
     * @param status   the status of a value, for messages
     * @param polling  the budget
     * @param awaited  what is awaited, for messages
     * @param clamp    the server's longest hold
     * @param lastSeen the value seen before the loop, or null
     * @param current  reads the resource's current value (a plain GET), or null
     * @param <T>      the polled view
     * @return the first value that is done
     */
    public static <T> CompletableFuture<T> longPoll(ApiCore core, Function<Duration, CompletableFuture<T>> request,
                                                    Predicate<T> done, Function<T, String> status, PollingConfig polling,
                                                    String awaited, Duration clamp, T lastSeen,
                                                    java.util.function.Supplier<CompletableFuture<T>> current) {
        Loop<T> loop = new Loop<>(core, polling, awaited, status);
        loop.last = lastSeen;
        loop.current = current;
        loop.longPoll(request, done, clamp);
        return loop.result;
    }

    /**
     * A plain polling loop.
     *
     * @param fetch       fetches the current value
     * @param keepWaiting whether to poll again after this value
     * @param status      the status of a value, for messages
     * @param polling     interval, attempts and budget
     * @param awaited     what is awaited, for messages
     * @param <T>         the polled view
     * @return the first value that does not keep waiting
     */
    public static <T> CompletableFuture<T> poll(java.util.function.Supplier<CompletableFuture<T>> fetch,
                                                Predicate<T> keepWaiting, Function<T, String> status,
                                                PollingConfig polling, String awaited) {
        return poll(null, fetch, keepWaiting, status, polling, awaited);
    }

    /**
     * The plain polling loop, pausing through the client's transport so that it resumes where the
     * caller's completions run (a Vert.x context).
     *
     * @param core        the pipeline whose transport pauses, or null for a JDK timer
     * @param fetch       fetches the current value
     * @param keepWaiting whether to poll again after this value
     * @param status      the status of a value, for messages
     * @param polling     interval, attempts and budget
     * @param awaited     what is awaited, for messages
     * @param <T>         the polled view
     * @return the first value that does not keep waiting
     */
    public static <T> CompletableFuture<T> poll(ApiCore core, java.util.function.Supplier<CompletableFuture<T>> fetch,
                                                Predicate<T> keepWaiting, Function<T, String> status,
                                                PollingConfig polling, String awaited) {
        Loop<T> loop = new Loop<>(core, polling, awaited, status);
        loop.poll(fetch, keepWaiting);
        return loop.result;
    }

    /** @return options for one long-poll request: no retries, timeout of the hold plus the buffer */
    public static RequestOptions longPollOptions(Duration hold) {
        return RequestOptions.builder().maxRetries(0).timeout(hold.plus(LongPolls.BUFFER)).build();
    }

    private static final class Loop<T> {
        final CancelPropagatingFuture<T> result = new CancelPropagatingFuture<>();
        final long started = System.nanoTime();
        final Duration budget;
        final PollingConfig polling;
        final String awaited;
        final Function<T, String> status;
        int attempts;
        int transientInRow;
        T last;
        java.util.function.Supplier<CompletableFuture<T>> current;

        final ApiCore core;

        Loop(ApiCore core, PollingConfig polling, String awaited, Function<T, String> status) {
            this.core = core;
            this.polling = polling == null ? PollingConfig.defaults() : polling;
            this.budget = this.polling.budget();
            this.awaited = awaited;
            this.status = status;
        }

        /** Makes a cancel of the loop's result stop this request too. */
        CompletableFuture<T> inFlight(CompletableFuture<T> request) {
            result.follow(request);
            return request;
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        Duration remaining() {
            return budget == null ? Duration.ofDays(365) : budget.minus(elapsed());
        }

        void timeout() {
            if (current != null) {
                java.util.function.Supplier<CompletableFuture<T>> read = current;
                current = null;
                inFlight(read.get()).whenComplete((value, error) -> {
                    if (value != null) {
                        last = value;
                    }
                    timeout();
                });
                return;
            }
            result.completeExceptionally(new PollingTimeoutException(awaited, elapsed(), attempts,
                    last == null ? null : status.apply(last), last));
        }

        void longPoll(Function<Duration, CompletableFuture<T>> request, Predicate<T> done, Duration clamp) {
            if (result.isDone()) {
                return;
            }
            Duration remaining = remaining();
            if (remaining.isNegative() || remaining.isZero()) {
                timeout();
                return;
            }
            Duration hold = remaining.compareTo(clamp) < 0 ? remaining : clamp;
            attempts++;
            long sent = System.nanoTime();
            inFlight(request.apply(hold)).whenComplete((value, error) -> {
                if (error != null) {
                    Throwable cause = Failures.unwrap(error);
                    boolean notYet = cause instanceof ApiStatusException s && s.status() == 408
                            || cause instanceof RunloopConnectionException
                            || cause instanceof ai.runloop.api.spi.TransportException;
                    if (notYet) {
                        transientInRow = 0;
                        again(sent, () -> longPoll(request, done, clamp));
                    } else if (cause instanceof ApiStatusException s && isTransient(s)
                            && ++transientInRow <= MAX_TRANSIENT_IN_ROW) {
                        // Long polls are sent with retries off, so the loop itself rides out a 429 or 5xx.
                        Duration delay = RetryPolicy.serverDelay(Headers.of(s.headers()))
                                .orElse(TRANSIENT_BACKOFF.multipliedBy(1L << Math.min(transientInRow - 1, 5)));
                        Duration left = remaining();
                        later(delay.compareTo(left) < 0 ? delay : left, () -> longPoll(request, done, clamp));
                    } else {
                        result.completeExceptionally(Failures.map(awaited, cause));
                    }
                    return;
                }
                transientInRow = 0;
                last = value;
                if (done.test(value)) {
                    result.complete(value);
                } else {
                    again(sent, () -> longPoll(request, done, clamp));
                }
            });
        }

        static boolean isTransient(ApiStatusException e) {
            return e.status() != 408 && RetryPolicy.shouldRetry(e.status(), Headers.of(e.headers()));
        }

        void poll(java.util.function.Supplier<CompletableFuture<T>> fetch, Predicate<T> keepWaiting) {
            if (result.isDone()) {
                return;
            }
            attempts++;
            inFlight(fetch.get()).whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(Failures.map(awaited, error));
                    return;
                }
                last = value;
                if (!keepWaiting.test(value)) {
                    result.complete(value);
                    return;
                }
                if (attempts >= polling.maxAttempts() || remaining().compareTo(polling.interval()) < 0) {
                    timeout();
                    return;
                }
                later(polling.interval(), () -> poll(fetch, keepWaiting));
            });
        }

        /**
         * Polls again at once after a real hold, but after a short pause when the answer came back at
         * once (a 408 from a proxy, a refused connection), so a misbehaving peer cannot cause a hot loop.
         */
        void again(long sentNanos, Runnable poll) {
            if (Duration.ofNanos(System.nanoTime() - sentNanos).compareTo(SETTLE) < 0) {
                later(SETTLE, poll);
            } else {
                poll.run();
            }
        }

        void later(Duration delay, Runnable action) {
            if (core != null) {
                core.delay(delay).thenRun(action);
            } else {
                CompletableFuture.runAsync(action, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
            }
        }
    }
}
