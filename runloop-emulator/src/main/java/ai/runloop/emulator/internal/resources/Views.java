package ai.runloop.emulator.internal.resources;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Stored resources are JSON objects whose keys starting with {@code _} are private state. */
final class Views {
    private Views() {
    }

    /** @param stored the stored object @return a copy without private keys */
    static JsonObject pub(JsonObject stored) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, Object> e : stored) {
            if (!e.getKey().startsWith("_")) {
                out.put(e.getKey(), e.getValue() instanceof JsonObject o ? o.copy() : e.getValue());
            }
        }
        return out;
    }

    /** @param query the query value or null @param value the field value @return true when no filter or equal */
    static boolean eq(String query, String value) {
        return query == null || query.equals(value);
    }

    /** @param search the search text or null @param value the name @return true when no search or contained */
    static boolean contains(String search, String value) {
        return search == null || (value != null && value.toLowerCase().contains(search.toLowerCase()));
    }
}
