package ai.runloop.api.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Objects made on first use and then kept: the REST client's services and the SDK's resource handles,
 * so that a program loads the classes of what it calls, not of everything (start-up time).
 */
public final class Lazily {
    private Lazily() {
    }

    /**
     * @param slot where the object is kept
     * @param make makes it from {@code from}; pass a function that captures nothing, so that no object
     *             is allocated per call
     * @param from what it is made from
     * @param <C>  the source type
     * @param <T>  the object type
     * @return the kept object; when threads race, all of them get the one that was kept first
     */
    public static <C, T> T get(AtomicReference<T> slot, Function<C, T> make, C from) {
        T value = slot.get();
        if (value != null) {
            return value;
        }
        T fresh = make.apply(from);
        T witness = slot.compareAndExchange(null, fresh);
        return witness == null ? fresh : witness;
    }
}
