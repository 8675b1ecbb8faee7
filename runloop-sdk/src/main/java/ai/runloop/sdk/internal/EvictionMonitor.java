package ai.runloop.sdk.internal;

import ai.runloop.api.SseStream;
import ai.runloop.model.devboxes.DevboxEvictionEventView;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Eviction callbacks of one SDK (behaviours §10, the TypeScript monitor): one account-wide eviction stream
 * is open while any devbox has a callback, and closed when none has. Each callback fires once, for the
 * first eviction announced for its devbox, and is then removed. After the stream ends or fails it is
 * reopened after a pause of 500 ms that doubles after each failure in a row up to 30 s, and starts
 * again at 500 ms after a stream that ended cleanly. Callbacks run on transport threads.
 */
public final class EvictionMonitor implements AutoCloseable {
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(EvictionMonitor.class.getName());

    private final Supplier<SseStream<DevboxEvictionEventView>> open;
    private final Function<Duration, CompletableFuture<Void>> delay;
    private final Map<String, Consumer<DevboxEvictionEventView>> callbacks = new HashMap<>();
    private SseStream<DevboxEvictionEventView> stream;
    private boolean reopening;
    private Duration pause = FIRST_PAUSE;
    private boolean closed;

    /**
     * @param open  opens the eviction stream (nothing is sent until it is read)
     * @param delay pauses before a reopen, on the transport's timers
     */
    public EvictionMonitor(Supplier<SseStream<DevboxEvictionEventView>> open,
                           Function<Duration, CompletableFuture<Void>> delay) {
        this.open = open;
        this.delay = delay;
    }

    /**
     * Registers the callback of a devbox, replacing an earlier one; opens the stream if none is open.
     *
     * @param devboxId the devbox
     * @param callback runs once, on a transport thread, when an eviction of the devbox is announced
     */
    public void register(String devboxId, Consumer<DevboxEvictionEventView> callback) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the SDK is closed; no eviction callback can be registered");
            }
            callbacks.put(devboxId, callback);
        }
        openIfNeeded();
    }

    /**
     * Removes the callback of a devbox; closes the stream when no callback is left.
     *
     * @param devboxId the devbox
     * @return whether it had one
     */
    public boolean unregister(String devboxId) {
        boolean had;
        synchronized (this) {
            had = callbacks.remove(devboxId) != null;
        }
        closeIfIdle();
        return had;
    }

    private void openIfNeeded() {
        SseStream<DevboxEvictionEventView> opened;
        synchronized (this) {
            if (closed || stream != null || reopening || callbacks.isEmpty()) {
                return;
            }
            opened = open.get();
            stream = opened;
        }
        opened.forEach(this::deliver).whenComplete((ended, error) -> reopenLater(opened, error));
    }

    private void deliver(DevboxEvictionEventView event) {
        Consumer<DevboxEvictionEventView> callback;
        synchronized (this) {
            callback = callbacks.remove(event.devboxId());
        }
        if (callback != null) {
            try {
                callback.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "eviction callback of devbox " + event.devboxId() + " failed", e);
            }
            closeIfIdle();
        }
    }

    private void reopenLater(SseStream<DevboxEvictionEventView> ended, Throwable error) {
        Duration wait;
        synchronized (this) {
            if (stream != ended) {
                return; // closed on purpose, and perhaps already replaced
            }
            stream = null;
            if (closed || callbacks.isEmpty()) {
                return;
            }
            if (error == null) {
                pause = FIRST_PAUSE;
            }
            wait = pause;
            if (error != null) {
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
            reopening = true;
        }
        if (error != null) {
            LOG.log(System.Logger.Level.DEBUG, "eviction stream failed; reopening in " + wait.toMillis() + " ms", error);
        }
        delay.apply(wait).whenComplete((v, e) -> {
            synchronized (this) {
                reopening = false;
            }
            openIfNeeded();
        });
    }

    private void closeIfIdle() {
        SseStream<DevboxEvictionEventView> idle;
        synchronized (this) {
            if (!callbacks.isEmpty() && !closed) {
                return;
            }
            idle = stream;
            stream = null;
        }
        if (idle != null) {
            idle.close();
        }
    }

    /** Drops every callback and closes the stream. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            callbacks.clear();
        }
        closeIfIdle();
    }
}
