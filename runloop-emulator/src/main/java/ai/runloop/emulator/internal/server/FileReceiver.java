package ai.runloop.emulator.internal.server;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one request body to a file. The event loop only queues each chunk; once {@value #BATCH_BYTES}
 * bytes are queued (or the body ends) a worker takes everything queued and writes it with one gathering
 * write, so there is one hand-off per batch rather than per chunk. Reading pauses above
 * {@value #HIGH_WATER} bytes queued and resumes below {@value #LOW_WATER}.
 *
 * <p>It replaces a pipe into an {@code AsyncFile}: that wrote every chunk the HTTP decoder produced (8 KiB
 * by default) as its own task on a worker, completed back on the event loop, and paused the socket
 * after two such writes in flight. The 1 GiB transfer benchmark measured the emulator's uploads at
 * about half the speed of a raw loopback copy because of it.
 */
final class FileReceiver {
    private static final long HIGH_WATER = 4 << 20;
    private static final long LOW_WATER = 1 << 20;
    /** Bytes queued before the worker is woken: below {@link #HIGH_WATER}, so reading never stops for it. */
    private static final long BATCH_BYTES = 1 << 20;
    /** Buffers per gathering write, below the platform's iovec limit. */
    private static final int BATCH = 256;

    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final Context context;
    private final FileChannel channel;
    private final Path part;
    private final Path target;
    private final Runnable done;
    private final Queue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicInteger work = new AtomicInteger();
    private volatile boolean paused;
    private volatile boolean ended;
    private volatile Throwable failure;
    // Worker state, touched by one drain at a time.
    private boolean finished;

    FileReceiver(RoutingContext ctx, FileChannel channel, Path part, Path target, Runnable done) {
        this.ctx = ctx;
        this.request = ctx.request();
        this.context = ctx.vertx().getOrCreateContext();
        this.channel = channel;
        this.part = part;
        this.target = target;
        this.done = done;
    }

    /** Starts reading the (paused) request; on its event loop. */
    void start() {
        request.handler(this::onChunk);
        request.exceptionHandler(error -> {
            failure = error;
            signal();
        });
        request.endHandler(ignored -> {
            ended = true;
            signal();
        });
        request.resume();
    }

    private void onChunk(Buffer chunk) {
        // Vert.x hands the handler its own heap copy of the bytes: wrapped, not copied again.
        ByteBuffer bytes = ((BufferInternal) chunk).getByteBuf().nioBuffer();
        queue.add(bytes);
        long now = queued.addAndGet(bytes.remaining());
        if (now > HIGH_WATER && !paused) {
            paused = true;
            request.pause();
        }
        if (now >= BATCH_BYTES) {
            signal();
        }
    }

    private void signal() {
        if (work.getAndIncrement() == 0) {
            ctx.vertx().executeBlocking(() -> {
                drain();
                return null;
            }, false);
        }
    }

    /** On a worker; signals that arrive meanwhile make it loop instead of starting another. */
    private void drain() {
        int missed = 1;
        do {
            if (!finished) {
                drainOnce();
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    private void drainOnce() {
        // Read before taking the queue: every chunk that came before the end is then in this pass.
        boolean end = ended;
        Throwable failed = failure;
        if (failed != null) {
            fail(failed);
            return;
        }
        List<ByteBuffer> batch = new ArrayList<>();
        for (ByteBuffer b = queue.poll(); b != null; b = queue.poll()) {
            batch.add(b);
            if (batch.size() == BATCH) {
                if (!write(batch)) {
                    return;
                }
                batch.clear();
            }
        }
        if (!batch.isEmpty() && !write(batch)) {
            return;
        }
        if (paused && queued.get() < LOW_WATER) {
            context.runOnContext(ignored -> {
                if (paused && queued.get() < LOW_WATER) {
                    paused = false;
                    request.resume();
                }
            });
        }
        if (end && queue.isEmpty()) {
            finished = true;
            try {
                channel.close();
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                fail(e);
                return;
            }
            context.runOnContext(ignored -> done.run());
        }
    }

    private boolean write(List<ByteBuffer> batch) {
        ByteBuffer[] buffers = batch.toArray(new ByteBuffer[0]);
        long bytes = 0;
        for (ByteBuffer b : buffers) {
            bytes += b.remaining();
        }
        try {
            int first = 0;
            while (first < buffers.length) {
                channel.write(buffers, first, buffers.length - first);
                while (first < buffers.length && !buffers[first].hasRemaining()) {
                    first++;
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
            return false;
        }
        queued.addAndGet(-bytes);
        return true;
    }

    private void fail(Throwable error) {
        finished = true;
        queue.clear();
        try {
            channel.close();
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // the upload failed already
        }
        context.runOnContext(ignored -> {
            if (!ctx.response().ended()) {
                Replies.error(ctx, new ApiException(500, "upload failed: " + error.getMessage(), null));
            }
        });
    }
}
