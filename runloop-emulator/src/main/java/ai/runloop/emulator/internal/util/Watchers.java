package ai.runloop.emulator.internal.util;

import java.util.concurrent.CopyOnWriteArrayList;

/** Listeners told that something changed; they re-read the state themselves. Thread-safe. */
public final class Watchers {
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** @param listener called after each change, on the changing thread; must be cheap */
    public void add(Runnable listener) {
        listeners.add(listener);
    }

    /** @param listener to remove */
    public void remove(Runnable listener) {
        listeners.remove(listener);
    }

    /** Tells every listener. */
    public void fire() {
        listeners.forEach(Runnable::run);
    }
}
