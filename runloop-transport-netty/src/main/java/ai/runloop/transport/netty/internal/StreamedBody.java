package ai.runloop.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A streamed response body, read one of two ways, once:
 * <ul>
 *   <li>as a publisher with backpressure: its channel reads from the socket (auto-read is off) only while
 *       the subscriber has asked for more than is queued, so at most one socket read's worth of data waits
 *       here; each read is copied out of Netty's memory into an array of the subscriber's;</li>
 *   <li>{@linkplain #writeTo(Path) into a file}: Netty's own (direct) buffers are kept and written to the
 *       file by a writer thread with gathering writes, {@value #FILE_BATCH} or half of
 *       {@value #FILE_AHEAD} bytes at a time, while the socket is read on up to {@value #FILE_AHEAD} bytes
 *       ahead of the disk. No copy into the heap, none into the
 *       JDK's temporary direct buffers: the 1 GiB transfer benchmark measured those copies (and the
 *       allocation of a 64 KiB array per read) as a third of a download's CPU time.</li>
 * </ul>
 * All state is touched on the channel's event loop; the writer thread only writes the batch it is given.
 */
final class StreamedBody implements Flow.Publisher<ByteBuffer> {

    private static final int FILE_BATCH = 16;
    private static final long FILE_AHEAD = 2 << 20;
    private static final ExecutorService WRITERS = writers();

    private final EventLoop loop;
    private final Exchange exchange;
    /** What arrived and was not consumed yet: retained slices in file mode, heap copies otherwise. */
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private long queuedBytes;
    private Flow.Subscriber<? super ByteBuffer> subscriber;
    private boolean subscribed;
    private long demand;
    private boolean ended;
    private Throwable error;
    private boolean terminated;
    private boolean draining;
    // File mode.
    private FileChannel file;
    private CompletableFuture<Long> fileResult;
    private boolean writing;
    private long writingBytes;
    private long written;
    private Throwable fileFailure;
    private boolean fileClosed;

    StreamedBody(EventLoop loop, Exchange exchange) {
        this.loop = loop;
        this.exchange = exchange;
    }

    private static ExecutorService writers() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "runloop-netty-file-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
        Objects.requireNonNull(s, "subscriber");
        loop.execute(() -> {
            if (subscribed) {
                s.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                s.onError(new IllegalStateException("the response body can be subscribed only once"));
                return;
            }
            subscribed = true;
            subscriber = s;
            s.onSubscribe(new Subscription());
            drain();
        });
    }

    /**
     * Writes the body to a file, created or truncated first; completes with the number of bytes written.
     * Cancelling the future aborts the body.
     */
    CompletableFuture<Long> writeTo(Path target) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        result.whenComplete((count, failure) -> {
            if (result.isCancelled()) {
                loop.execute(() -> abortFile(null));
            }
        });
        try {
            WRITERS.execute(() -> {
                FileChannel channel;
                try {
                    channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(e);
                    loop.execute(() -> abortFile(e));
                    return;
                }
                loop.execute(() -> startFile(channel, result));
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Queues bytes that arrived (on the event loop); the caller still releases its own reference. */
    void offer(ByteBuf bytes) {
        int readable = bytes.readableBytes();
        if (terminated || readable == 0) {
            return;
        }
        if (file != null) {
            queue.add(bytes.retainedSlice());
        } else {
            // Copied at once: an abandoned response then holds only garbage-collected memory.
            byte[] copy = new byte[readable];
            bytes.getBytes(bytes.readerIndex(), copy);
            queue.add(Unpooled.wrappedBuffer(copy));
        }
        queuedBytes += readable;
        drain();
    }

    /** The body ended (on the event loop). */
    void end() {
        ended = true;
        drain();
    }

    /** The body broke (on the event loop); queued bytes are dropped. */
    void fail(Throwable failure) {
        if (!ended && error == null) {
            error = failure;
            releaseQueue();
            drain();
        }
    }

    /** Whether the consumer wants bytes that are not queued yet. */
    boolean wantsMore() {
        if (!subscribed || terminated || ended || error != null) {
            return false;
        }
        if (file != null) {
            return queuedBytes + writingBytes < FILE_AHEAD;
        }
        return subscriber != null && demand > 0 && queue.isEmpty();
    }

    private void drain() {
        if (file != null) {
            drainToFile();
            return;
        }
        if (draining || subscriber == null || terminated) {
            return;
        }
        draining = true;
        try {
            while (demand > 0 && !queue.isEmpty() && !terminated) {
                demand--;
                ByteBuf next = queue.poll();
                queuedBytes -= next.readableBytes();
                ByteBuffer view = next.nioBuffer(); // the heap copy's array itself
                next.release();
                subscriber.onNext(view);
            }
            if (terminated) {
                return;
            }
            if (error != null) {
                terminated = true;
                subscriber.onError(error);
            } else if (ended && queue.isEmpty()) {
                terminated = true;
                subscriber.onComplete();
            } else if (wantsMore()) {
                exchange.readMore();
            }
        } finally {
            draining = false;
        }
    }

    private void startFile(FileChannel channel, CompletableFuture<Long> result) {
        if (subscribed || terminated || result.isDone()) {
            closeQuietly(channel);
            result.completeExceptionally(new IllegalStateException("the response body was already taken"));
            return;
        }
        subscribed = true;
        file = channel;
        fileResult = result;
        drainToFile();
    }

    private void drainToFile() {
        if (terminated || writing) {
            return;
        }
        if (error != null) {
            finishFile(error);
            return;
        }
        // By count or by bytes, whichever comes first: reading stops at FILE_AHEAD bytes, so a batch must be
        // written before that however large the read buffers are.
        if (!queue.isEmpty() && (queue.size() >= FILE_BATCH || queuedBytes >= FILE_AHEAD / 2 || ended)) {
            List<ByteBuf> batch = new ArrayList<>(queue);
            queue.clear();
            writingBytes = queuedBytes;
            queuedBytes = 0;
            writing = true;
            FileChannel channel = file;
            try {
                WRITERS.execute(() -> write(channel, batch));
            } catch (RuntimeException e) {
                writing = false;
                batch.forEach(ByteBuf::release);
                finishFile(e);
                return;
            }
        } else if (ended && queue.isEmpty()) {
            finishFile(null);
            return;
        }
        if (wantsMore()) {
            exchange.readMore();
        }
    }

    /** On a writer thread. */
    private void write(FileChannel channel, List<ByteBuf> batch) {
        long count = 0;
        Throwable failure = null;
        try {
            List<ByteBuffer> views = new ArrayList<>(batch.size());
            for (ByteBuf buf : batch) {
                views.addAll(List.of(buf.nioBuffers()));
            }
            ByteBuffer[] buffers = views.toArray(new ByteBuffer[0]);
            int first = 0;
            while (first < buffers.length) {
                count += channel.write(buffers, first, buffers.length - first);
                while (first < buffers.length && !buffers[first].hasRemaining()) {
                    first++;
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        long done = count;
        Throwable failed = failure;
        loop.execute(() -> afterWrite(batch, done, failed));
    }

    private void afterWrite(List<ByteBuf> batch, long count, Throwable failure) {
        batch.forEach(ByteBuf::release);
        writing = false;
        writingBytes = 0;
        written += count;
        if (failure != null && !terminated) {
            exchange.cancelStream();
            finishFile(failure);
        } else if (terminated) {
            closeFile();
        } else {
            drainToFile();
        }
    }

    /** No more bytes are taken; the file is closed and the future completed once no write is in flight. */
    private void finishFile(Throwable failure) {
        if (terminated) {
            return;
        }
        terminated = true;
        fileFailure = failure;
        releaseQueue();
        if (!writing) {
            closeFile();
        }
    }

    private void closeFile() {
        if (fileClosed) {
            return;
        }
        fileClosed = true;
        CompletableFuture<Long> result = fileResult;
        FileChannel channel = file;
        Throwable failure = fileFailure;
        long total = written;
        Runnable close = () -> {
            try {
                channel.close();
                if (failure == null) {
                    result.complete(total);
                } else {
                    result.completeExceptionally(failure);
                }
            } catch (IOException e) {
                result.completeExceptionally(failure != null ? failure : e);
            }
        };
        try {
            WRITERS.execute(close);
        } catch (RuntimeException e) {
            close.run();
        }
    }

    /** The file's future was cancelled, or the file could not be opened: stop reading. */
    private void abortFile(Throwable failure) {
        if (terminated) {
            return;
        }
        exchange.cancelStream();
        if (file != null) {
            finishFile(failure != null ? failure : new java.util.concurrent.CancellationException("cancelled"));
        } else {
            terminated = true;
            subscribed = true;
            releaseQueue();
        }
    }

    private void releaseQueue() {
        for (ByteBuf buf = queue.poll(); buf != null; buf = queue.poll()) {
            buf.release();
        }
        queuedBytes = 0;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }

    private final class Subscription implements Flow.Subscription {
        @Override
        public void request(long n) {
            loop.execute(() -> {
                if (terminated) {
                    return;
                }
                if (n <= 0) {
                    terminated = true;
                    releaseQueue();
                    exchange.cancelStream();
                    subscriber.onError(new IllegalArgumentException("non-positive request: " + n));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                drain();
            });
        }

        @Override
        public void cancel() {
            loop.execute(() -> {
                if (!terminated) {
                    terminated = true;
                    releaseQueue();
                    exchange.cancelStream();
                }
            });
        }
    }
}
