package ai.runloop.api;

import java.util.List;

/**
 * One page of a cursor-paginated list.
 *
 * @param items      the items of this page
 * @param hasMore    whether the server has another page
 * @param totalCount the total the server counted, or null when it skipped counting
 * @param nextCursor the {@code starting_after} of the next page: the id of this page's last item, or null
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, boolean hasMore, Integer totalCount, String nextCursor) {
    /** Copies the items. */
    public Page {
        items = items == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    /** @return whether another page should be fetched: more exists, this page was not empty and has a cursor */
    public boolean hasNextPage() {
        return hasMore && !items.isEmpty() && nextCursor != null;
    }
}
