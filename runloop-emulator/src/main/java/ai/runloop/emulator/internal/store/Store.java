package ai.runloop.emulator.internal.store;

import ai.runloop.emulator.internal.server.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * In-memory resources of one kind, in creation order. Lists are returned newest first, which is the
 * order pagination walks. Thread-safe.
 *
 * @param <T> resource type
 */
public final class Store<T> {
    private final String kind;
    private final Map<String, T> items = new LinkedHashMap<>();

    /** @param kind resource kind for messages, e.g. "devbox" */
    public Store(String kind) {
        this.kind = kind;
    }

    /** @param id key @param item value @return the item */
    public synchronized T put(String id, T item) {
        items.put(id, item);
        return item;
    }

    /** @param id key @return the item; 404 when unknown */
    public synchronized T get(String id) {
        T t = items.get(id);
        if (t == null) {
            throw ApiException.notFound(kind, id);
        }
        return t;
    }

    /** @param id key @return the item or null */
    public synchronized T find(String id) {
        return items.get(id);
    }

    /** @param id key @return the removed item or null */
    public synchronized T remove(String id) {
        return items.remove(id);
    }

    /** @param filter which items @return matching items, newest first */
    public synchronized List<T> list(Predicate<T> filter) {
        List<T> out = new ArrayList<>();
        for (T t : items.values()) {
            if (filter.test(t)) {
                out.add(0, t);
            }
        }
        return out;
    }
}
