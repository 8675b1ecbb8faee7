package ai.runloop.emulator.internal.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/**
 * Cursor pagination as the API does it: {@code limit} (default 20, max 5000), {@code starting_after}
 * (id of the last item already seen), {@code include_total_count} (default true); the page holds the
 * items under a resource key plus {@code has_more} and {@code total_count}.
 */
public final class Pages {
    private Pages() {
    }

    /**
     * @param ctx the request (for the query parameters)
     * @param all every matching item, in list order
     * @param idOf the id of an item
     * @param itemsKey the JSON key of the items
     * @param view renders one item
     * @param <T> item type
     * @return the page
     */
    public static <T> JsonObject page(RoutingContext ctx, List<T> all, Function<T, String> idOf, String itemsKey,
            Function<T, JsonObject> view) {
        int limit = (int) Params.queryLong(ctx, "limit", 20, 1, 5000);
        String after = Params.query(ctx, "starting_after");
        boolean count = Params.queryBool(ctx, "include_total_count", true);
        int start = 0;
        if (after != null && !after.isEmpty()) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (idOf.apply(all.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ApiException.badRequest("starting_after", "starting_after names no item of this list: " + after);
            }
        }
        int end = Math.min(all.size(), start + limit);
        JsonArray items = new JsonArray();
        for (T t : all.subList(start, end)) {
            items.add(view.apply(t));
        }
        JsonObject page = new JsonObject().put(itemsKey, items).put("has_more", end < all.size());
        if (count) {
            page.put("total_count", all.size());
        }
        return page;
    }
}
