package ai.runloop.api.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A future whose cancellation reaches the work that is running for it. A plain {@link CompletableFuture}
 * does not pass a {@link #cancel(boolean)} on: cancelling {@code call().thenApply(parse)} would leave the
 * request running and its connection held, and cancelling {@code execute().thenCompose(wait)} would leave
 * the wait's long poll running.
 * <ul>
 *   <li>Dependent stages ({@code thenApply}, {@code thenCompose} …) are of this type too and pass a cancel
 *       up through every stage of their chain to its root.</li>
 *   <li>A {@code thenCompose} stage also cancels the stage its function returned, once there is one, so
 *       a multi-step call (create, then wait) stops whichever step is running.</li>
 *   <li>The owner of a root registers the work in flight with {@link #follow(CompletionStage)} (a request
 *       attempt, a poll), which is cancelled with it.</li>
 * </ul>
 *
 * @param <T> the value type
 */
final class CancelPropagatingFuture<T> extends CompletableFuture<T> {
    /** The stage this one depends on, or null for a root; a cancel travels up through it. */
    private final CompletableFuture<?> parent;
    private volatile CompletionStage<?> following;

    /** Creates the root of a chain: the future of one call, a loop, an exchange. */
    CancelPropagatingFuture() {
        this.parent = null;
    }

    private CancelPropagatingFuture(CompletableFuture<?> parent) {
        this.parent = parent;
    }

    /**
     * Makes {@code work} the thing a cancel of this future stops (replacing what was followed before);
     * cancels it at once if this future is already cancelled.
     *
     * @param work the work running for this future now
     */
    void follow(CompletionStage<?> work) {
        following = work;
        if (isCancelled()) {
            cancel(work, true);
        }
    }

    private static void cancel(CompletionStage<?> work, boolean mayInterruptIfRunning) {
        // A stage from elsewhere need not be a Future; such a one cannot be stopped from here.
        if (work instanceof java.util.concurrent.Future<?> future) {
            future.cancel(mayInterruptIfRunning);
        }
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CancelPropagatingFuture<>(this);
    }

    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return compose(fn, stepped -> super.thenCompose(stepped));
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn) {
        return compose(fn, stepped -> super.thenComposeAsync(stepped));
    }

    @Override
    public <U> CompletableFuture<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn,
                                                     Executor executor) {
        return compose(fn, stepped -> super.thenComposeAsync(stepped, executor));
    }

    @Override
    public CompletableFuture<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return compose(fn, stepped -> super.exceptionallyCompose(stepped));
    }

    @Override
    public CompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return compose(fn, stepped -> super.exceptionallyComposeAsync(stepped));
    }

    @Override
    public CompletableFuture<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn,
                                                          Executor executor) {
        return compose(fn, stepped -> super.exceptionallyComposeAsync(stepped, executor));
    }

    /**
     * Composes so that the returned stage follows the stage {@code fn} yields. The function may run before
     * {@code composer} returns (when this future is already complete), so both sides meet in holders.
     */
    private <X, U> CompletableFuture<U> compose(Function<X, ? extends CompletionStage<U>> fn,
                                                Function<Function<X, CompletionStage<U>>, CompletableFuture<U>> composer) {
        AtomicReference<CancelPropagatingFuture<U>> composed = new AtomicReference<>();
        AtomicReference<CompletionStage<U>> step = new AtomicReference<>();
        CompletableFuture<U> out = composer.apply(input -> {
            CompletionStage<U> next = fn.apply(input);
            step.set(next);
            CancelPropagatingFuture<U> target = composed.get();
            if (target != null && next != null) {
                target.follow(next);
            }
            return next;
        });
        CancelPropagatingFuture<U> target = (CancelPropagatingFuture<U>) out;
        composed.set(target);
        CompletionStage<U> next = step.get();
        if (next != null) {
            target.follow(next);
        }
        return out;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (parent != null) {
            parent.cancel(mayInterruptIfRunning);
        }
        CompletionStage<?> work = following;
        if (work != null) {
            cancel(work, mayInterruptIfRunning);
        }
        return cancelled;
    }
}
