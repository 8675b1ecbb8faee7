package ai.runloop.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.runloop.api.SseStream;
import ai.runloop.model.devboxes.DevboxEvictionEventView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One stream while callbacks exist, each callback once, reopen with backoff — against scripted streams. */
class EvictionMonitorTest {
    /** A stream the test drives: it pushes events and ends it. */
    private static final class FakeStream implements SseStream<DevboxEvictionEventView> {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        Consumer<? super DevboxEvictionEventView> consumer;
        boolean closed;

        @Override
        public CompletableFuture<Void> forEach(Consumer<? super DevboxEvictionEventView> consumer) {
            this.consumer = consumer;
            return done;
        }

        @Override
        public Stream<DevboxEvictionEventView> stream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
            done.complete(null);
        }

        void evict(String devboxId) {
            consumer.accept(DevboxEvictionEventView.builder().devboxId(devboxId).evictionDeadlineMs(1_000L).build());
        }
    }

    private final List<FakeStream> opened = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final List<CompletableFuture<Void>> timers = new ArrayList<>();
    private final EvictionMonitor monitor = new EvictionMonitor(() -> {
        FakeStream s = new FakeStream();
        opened.add(s);
        return s;
    }, pause -> {
        pauses.add(pause);
        CompletableFuture<Void> timer = new CompletableFuture<>();
        timers.add(timer);
        return timer;
    });

    @Test
    void oneStreamWhileCallbacksExistAndEachFiresOnce() {
        assertTrue(opened.isEmpty(), "nothing is opened before a callback exists");
        List<String> fired = new ArrayList<>();
        monitor.register("dbx_a", e -> fired.add("a:" + e.evictionDeadlineMs()));
        monitor.register("dbx_b", e -> fired.add("b"));
        assertEquals(1, opened.size());
        FakeStream stream = opened.get(0);
        stream.evict("dbx_other");
        stream.evict("dbx_a");
        stream.evict("dbx_a");
        assertEquals(List.of("a:1000"), fired);
        assertFalse(stream.closed, "dbx_b still waits");
        stream.evict("dbx_b");
        assertEquals(List.of("a:1000", "b"), fired);
        assertTrue(stream.closed, "no callback left, so the stream is closed");
        assertTrue(pauses.isEmpty(), "a stream closed on purpose is not reopened");
    }

    @Test
    void cancellingTheLastCallbackClosesTheStream() {
        monitor.register("dbx_a", e -> { });
        assertTrue(monitor.unregister("dbx_a"));
        assertFalse(monitor.unregister("dbx_a"));
        assertTrue(opened.get(0).closed);
        monitor.register("dbx_a", e -> { });
        assertEquals(2, opened.size(), "a new callback opens a new stream");
    }

    @Test
    void aFailingStreamIsReopenedAfterPausesThatDoubleUpToThirtySeconds() {
        monitor.register("dbx_a", e -> { });
        for (int i = 0; i < 8; i++) {
            opened.get(opened.size() - 1).done.completeExceptionally(new IllegalStateException("reset"));
            assertEquals(i + 1, opened.size(), "not reopened before the pause ends");
            timers.get(timers.size() - 1).complete(null);
        }
        assertEquals(List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L),
                pauses.stream().map(Duration::toMillis).toList());
        opened.get(opened.size() - 1).done.complete(null); // a clean end resets the pause
        timers.get(timers.size() - 1).complete(null);
        opened.get(opened.size() - 1).done.completeExceptionally(new IllegalStateException("reset"));
        assertEquals(List.of(500L, 500L), pauses.subList(8, 10).stream().map(Duration::toMillis).toList());
    }

    @Test
    void aThrowingCallbackDoesNotStopTheOthers() {
        List<String> fired = new ArrayList<>();
        monitor.register("dbx_a", e -> {
            throw new IllegalStateException("user bug");
        });
        monitor.register("dbx_b", e -> fired.add("b"));
        opened.get(0).evict("dbx_a");
        opened.get(0).evict("dbx_b");
        assertEquals(List.of("b"), fired);
    }

    @Test
    void closingDropsCallbacksAndTheStream() {
        monitor.register("dbx_a", e -> { });
        monitor.close();
        assertTrue(opened.get(0).closed);
        assertThrows(IllegalStateException.class, () -> monitor.register("dbx_b", e -> { }));
    }
}
