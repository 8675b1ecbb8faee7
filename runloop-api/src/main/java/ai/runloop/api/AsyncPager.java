package ai.runloop.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every item of a paginated list, fetched page by page without blocking any thread.
 *
 * @param <T> the item type
 */
public final class AsyncPager<T> {
    private final Function<String, CompletableFuture<Page<T>>> fetch;

    /** @param fetch fetches the page after a cursor (null for the first page) */
    public AsyncPager(Function<String, CompletableFuture<Page<T>>> fetch) {
        this.fetch = fetch;
    }

    /**
     * Visits every item, fetching the next page after the consumer has seen the current one.
     *
     * @param consumer receives each item; runs on a transport thread, keep it cheap
     * @return completes after the last item, or fails with the first error
     */
    public CompletableFuture<Void> forEach(Consumer<? super T> consumer) {
        return forEachWhile(item -> {
            consumer.accept(item);
            return true;
        });
    }

    /**
     * Visits items until the predicate answers false.
     *
     * @param visitor receives each item and says whether to go on
     * @return completes after the last item visited
     */
    public CompletableFuture<Void> forEachWhile(Predicate<? super T> visitor) {
        return visit(null, visitor);
    }

    /**
     * @param max the most items to collect
     * @return up to {@code max} items
     */
    public CompletableFuture<List<T>> toList(int max) {
        List<T> out = new ArrayList<>();
        return forEachWhile(item -> {
            if (out.size() < max) {
                out.add(item);
            }
            return out.size() < max;
        }).thenApply(v -> out);
    }

    private CompletableFuture<Void> visit(String cursor, Predicate<? super T> visitor) {
        return fetch.apply(cursor).thenCompose(page -> {
            for (T item : page.items()) {
                if (!visitor.test(item)) {
                    return CompletableFuture.completedFuture(null);
                }
            }
            return page.hasNextPage() ? visit(page.nextCursor(), visitor) : CompletableFuture.completedFuture(null);
        });
    }
}
