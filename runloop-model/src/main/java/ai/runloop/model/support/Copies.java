package ai.runloop.model.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unmodifiable copies for record components. Unlike {@link List#copyOf}, these keep null elements and
 * null map values, which a server may send, and keep {@code null} itself for an absent collection.
 */
public final class Copies {
    private Copies() {
    }

    /**
     * @param list a list or null
     * @param <T>  the element type
     * @return an unmodifiable copy, or null
     */
    public static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * @param map a map or null
     * @param <V> the value type
     * @return an unmodifiable copy in the same iteration order, or null
     */
    public static <V> Map<String, V> map(Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
