package ai.runloop.api.internal.sse;

import ai.runloop.api.SseStream;
import ai.runloop.api.errors.ApiStatusException;
import ai.runloop.api.errors.RunloopConnectionException;
import ai.runloop.api.errors.RunloopException;
import ai.runloop.api.internal.Failures;
import ai.runloop.api.internal.json.JsonCodec;
import ai.runloop.api.spi.HttpResponse;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The one reconnecting SSE reader of the SDK (behaviours §10), parameterised by how to open a
 * connection at a position, how to read an event's data, and the {@link ResumePolicy}.
 *
 * @param <T> the event type
 */
public final class ReconnectingSseStream<T> implements SseStream<T> {
    /** Reconnects in a row without receiving an event before the stream gives up. */
    static final int MAX_IDLE_RECONNECTS = 10;

    private final String what;
    private final Function<String, CompletableFuture<HttpResponse>> open;
    private final Function<String, T> decode;
    private final ResumePolicy<T> resume;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile CompletableFuture<HttpResponse> opening;
    private volatile EventSubscriber current;
    private int idleReconnects;

    /**
     * @param what   the operation and resource, for messages
     * @param open   opens a connection at a resume position (null = the caller's start); the future
     *               fails with the pipeline's exceptions
     * @param decode reads one event's data
     * @param resume the resume policy
     */
    public ReconnectingSseStream(String what, Function<String, CompletableFuture<HttpResponse>> open,
                                 Function<String, T> decode, ResumePolicy<T> resume) {
        this.what = what;
        this.open = open;
        this.decode = decode;
        this.resume = resume;
        done.whenComplete((v, e) -> {
            if (done.isCancelled()) {
                stopCurrent();
            }
        });
    }

    @Override
    public CompletableFuture<Void> forEach(Consumer<? super T> consumer) {
        start(new Sink<>(consumer, true));
        return done;
    }

    @Override
    public Stream<T> stream() {
        PullIterator iterator = new PullIterator();
        start(iterator.sink);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        done.cancel(false);
        stopCurrent();
    }

    private void start(Sink<? super T> sink) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(what + ": an event stream can be read once");
        }
        connect(sink);
    }

    private void stopCurrent() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        CompletableFuture<HttpResponse> o = opening;
        if (o != null) {
            o.cancel(true);
        }
    }

    private void connect(Sink<? super T> sink) {
        if (done.isDone()) {
            return;
        }
        CompletableFuture<HttpResponse> future = open.apply(resume.position());
        opening = future;
        future.whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause = Failures.unwrap(error);
                if (isResumable(cause)) {
                    reconnect(sink, cause);
                } else {
                    done.completeExceptionally(Failures.map(what, cause));
                }
                return;
            }
            if (done.isDone()) {
                response.close();
                return;
            }
            response.bodyPublisher().subscribe(new EventSubscriber(sink));
        });
    }

    private static boolean isResumable(Throwable cause) {
        return cause instanceof ApiStatusException s ? s.status() == 408 : cause instanceof RunloopConnectionException
                || cause instanceof ai.runloop.api.spi.TransportException t && t.isRetryable();
    }

    private void reconnect(Sink<? super T> sink, Throwable cause) {
        if (++idleReconnects > MAX_IDLE_RECONNECTS) {
            done.completeExceptionally(new RunloopConnectionException(what + ": the event stream failed "
                    + MAX_IDLE_RECONNECTS + " reconnects in a row without an event", cause));
            return;
        }
        connect(sink);
    }

    /** Where decoded events go: straight to a consumer, or into a queue the blocking reader pulls. */
    private static final class Sink<E> {
        final Consumer<? super E> consumer;
        final boolean autoRequest;

        Sink(Consumer<? super E> consumer, boolean autoRequest) {
            this.consumer = consumer;
            this.autoRequest = autoRequest;
        }
    }

    /** Reads one connection: parses, decodes, de-duplicates and delivers; decides whether to reconnect. */
    private final class EventSubscriber implements Flow.Subscriber<ByteBuffer> {
        private final Sink<? super T> sink;
        private final SseParser parser = new SseParser(this::onEvent);
        private boolean reconnecting;
        private boolean failed;
        private int delivered;

        EventSubscriber(Sink<? super T> sink) {
            this.sink = sink;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            current = this;
            if (done.isDone()) {
                s.cancel();
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(ByteBuffer item) {
            int before = delivered;
            parser.feed(item);
            if (reconnecting || failed) {
                return;
            }
            // In pull mode, a chunk that completed no event cannot satisfy the reader: fetch more now.
            if (sink.autoRequest || delivered == before) {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (reconnecting || failed || done.isDone()) {
                return;
            }
            Throwable cause = Failures.unwrap(error);
            if (isResumable(cause) || cause instanceof java.io.IOException) {
                reconnect(sink, cause);
            } else {
                done.completeExceptionally(Failures.map(what, cause));
            }
        }

        @Override
        public void onComplete() {
            parser.finish();
            if (!reconnecting && !failed) {
                done.complete(null);
            }
        }

        private void onEvent(SseEvent event) {
            if (reconnecting || failed || done.isDone()) {
                return;
            }
            if (event.event().equals("error")) {
                onErrorEvent(event);
                return;
            }
            T item;
            try {
                item = resume.accept(decode.apply(event.data()));
            } catch (RuntimeException e) {
                fail(e instanceof RunloopException ? e : new RunloopException(what + ": bad event: " + e.getMessage(), e));
                return;
            }
            if (item == null) {
                return;
            }
            idleReconnects = 0;
            delivered++;
            try {
                sink.consumer.accept(item);
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        private void onErrorEvent(SseEvent event) {
            int code = 500;
            String message = event.data();
            try {
                JsonObject json = JsonCodec.get().readObject(event.data());
                JsonValue c = json.get("code");
                if (c instanceof JsonNumber n) {
                    code = n.intValue();
                } else if (c instanceof jakarta.json.JsonString s) {
                    code = Integer.parseInt(s.getString().trim());
                }
                message = json.containsKey("message") ? json.get("message").toString() : message;
            } catch (RuntimeException unreadable) {
                code = 500;
            }
            if (code == 408) {
                reconnecting = true;
                subscription.cancel();
                reconnect(sink, null);
                return;
            }
            fail(ApiStatusException.of(what + ": stream error " + code + " - " + message, code, Map.of(), event.data()));
        }

        private void fail(RuntimeException error) {
            failed = true;
            subscription.cancel();
            done.completeExceptionally(error);
        }

        /** Asks for the next chunk (pull mode). */
        void pull() {
            Flow.Subscription s = subscription;
            if (s != null && !reconnecting && !failed) {
                s.request(1);
            }
        }
    }

    /** A blocking iterator that asks for more bytes only when it has run out of events. */
    private final class PullIterator implements Iterator<T> {
        private final Queue<T> queue = new ArrayDeque<>();
        private final Object lock = new Object();
        final Sink<T> sink = new Sink<>(this::offer, false);

        private void offer(T item) {
            synchronized (lock) {
                queue.add(item);
                lock.notifyAll();
            }
        }

        PullIterator() {
            done.whenComplete((v, e) -> {
                synchronized (lock) {
                    lock.notifyAll();
                }
            });
        }

        @Override
        public boolean hasNext() {
            ai.runloop.api.internal.BlockingGuard.check(what + " stream()", "forEach");
            synchronized (lock) {
                if (queue.isEmpty() && !done.isDone() && current != null) {
                    current.pull();
                }
                while (queue.isEmpty() && !done.isDone()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        close();
                        throw new RunloopException(what + ": interrupted while reading events", e);
                    }
                }
                if (!queue.isEmpty()) {
                    return true;
                }
            }
            if (done.isCompletedExceptionally() && !done.isCancelled()) {
                throw Failures.map(what, done.handle((v, e) -> e).join());
            }
            return false;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            synchronized (lock) {
                return queue.poll();
            }
        }
    }
}
