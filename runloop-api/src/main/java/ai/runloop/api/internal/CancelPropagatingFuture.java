package ai.runloop.api.internal;

import java.util.concurrent.CompletableFuture;

/**
 * The future of one exchange, whose dependent stages ({@code thenApply}, {@code thenCompose} …) are of
 * this type too and pass a {@link #cancel(boolean)} back to the exchange. A plain
 * {@link CompletableFuture} does not: cancelling {@code call().thenApply(parse)} would leave the
 * request running and its connection held. Cancelling any stage of the chain aborts the exchange.
 *
 * @param <T> the value type
 */
final class CancelPropagatingFuture<T> extends CompletableFuture<T> {
    private final CompletableFuture<?> exchange;

    /** Creates the root: the exchange's own future. */
    CancelPropagatingFuture() {
        this.exchange = null;
    }

    private CancelPropagatingFuture(CompletableFuture<?> exchange) {
        this.exchange = exchange;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CancelPropagatingFuture<>(exchange == null ? this : exchange);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (exchange != null) {
            exchange.cancel(mayInterruptIfRunning);
        }
        return cancelled;
    }
}
