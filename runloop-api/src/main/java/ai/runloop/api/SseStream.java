package ai.runloop.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A stream of server-sent events that reconnects by itself: after a server hold lapses (408), an
 * {@code error} event with code 408 or a dropped connection, it reopens from the last position it
 * delivered (a byte offset or a sequence number), so no event is lost and none is repeated. It ends when
 * the server closes it. Read it one way only: {@link #forEach} (non-blocking) or {@link #stream()}.
 *
 * @param <T> the event type
 */
public interface SseStream<T> extends AutoCloseable {

    /**
     * Delivers every event, in order, to the consumer. The consumer runs on a transport thread: keep it
     * cheap and never block in it.
     *
     * @param consumer receives each event
     * @return completes when the server ends the stream, or fails with a
     *         {@link ai.runloop.api.errors.RunloopException}; cancel it to stop reading
     */
    CompletableFuture<Void> forEach(Consumer<? super T> consumer);

    /**
     * Reads the events as a blocking {@link Stream}; events are fetched as the stream is consumed.
     * Close the returned stream (or this) when not reading to the end.
     *
     * @return the events
     */
    Stream<T> stream();

    /** Stops reading and frees the connection. */
    @Override
    void close();
}
