package ai.runloop.api;

import ai.runloop.api.internal.ApiCore;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paginated list, fetching the next page (with {@code starting_after} = the last id)
 * only as iteration reaches it. Stops when the server says there is no more, on an empty page, or when
 * the last item has no id. Iterable more than once; each iteration starts from the first page.
 *
 * <pre>{@code
 * for (DevboxView devbox : client.devboxes().listAutoPaging(DevboxListParams.builder().limit(100).build())) { ... }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
    private final String operation;
    private final Function<String, CompletableFuture<Page<T>>> fetch;

    /**
     * @param operation the list operation, for messages
     * @param fetch     fetches the page after a cursor (null for the first page)
     */
    public AutoPager(String operation, Function<String, CompletableFuture<Page<T>>> fetch) {
        this.operation = operation;
        this.fetch = fetch;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page = ApiCore.join(fetch.apply(null), operation);
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.items().size()) {
                    if (!page.hasNextPage()) {
                        return false;
                    }
                    page = ApiCore.join(fetch.apply(page.nextCursor()), operation);
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items().get(index++);
            }
        };
    }

    /** @return the items as a sequential stream, fetching pages lazily */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** @return the same items, fetched without blocking */
    public AsyncPager<T> async() {
        return new AsyncPager<>(fetch);
    }
}
