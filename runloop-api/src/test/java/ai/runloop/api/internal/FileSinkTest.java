package ai.runloop.api.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    private static final long LIMIT_SECONDS = 30;

    @TempDir
    Path tmp;

    /** A publisher driven by the test: it records demand and publishes buffers of 0, 1, 2, ... bytes' value. */
    private static final class Source implements Flow.Publisher<ByteBuffer> {
        final AtomicLong requested = new AtomicLong();
        final AtomicBoolean cancelled = new AtomicBoolean();
        Flow.Subscriber<? super ByteBuffer> subscriber;

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
            subscriber = s;
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    requested.addAndGet(n);
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
        }
    }

    @Test
    void writesEveryBufferInOrderAskingForABoundedNumberAheadAndTruncatesTheFile() throws Exception {
        Path target = Files.write(tmp.resolve("out.bin"), new byte[1 << 20]);
        Source source = new Source();
        CompletableFuture<Long> written = FileSink.write(source, target);
        assertEquals(FileSink.AHEAD, source.requested.get(), "a bounded number of buffers ahead of the disk");
        byte[] expected = new byte[1000 * 100];
        long sent = 0;
        for (int i = 0; i < 1000; i++) {
            // Never more than asked for: wait for the writer to ask again.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
            while (source.requested.get() <= sent) {
                assertTrue(System.nanoTime() < deadline, "the sink stopped asking after " + sent + " buffers");
                Thread.onSpinWait();
            }
            byte[] chunk = new byte[100];
            Arrays.fill(chunk, (byte) i);
            System.arraycopy(chunk, 0, expected, i * 100, 100);
            source.subscriber.onNext(ByteBuffer.wrap(chunk));
            sent++;
            assertTrue(source.requested.get() - sent <= FileSink.AHEAD);
        }
        source.subscriber.onComplete();
        assertEquals(expected.length, written.get(LIMIT_SECONDS, TimeUnit.SECONDS));
        assertArrayEquals(expected, Files.readAllBytes(target), "the old, longer content is gone");
    }

    @Test
    void theBodysFailureIsPassedOnUnchanged() throws Exception {
        Source source = new Source();
        CompletableFuture<Long> written = FileSink.write(source, tmp.resolve("broken.bin"));
        source.subscriber.onNext(ByteBuffer.wrap(new byte[10]));
        IOException cut = new IOException("connection reset");
        source.subscriber.onError(cut);
        ExecutionException e = assertThrows(ExecutionException.class, () -> written.get(LIMIT_SECONDS, TimeUnit.SECONDS));
        assertSame(cut, e.getCause());
    }

    @Test
    void cancellingTheFutureCancelsTheBody() {
        Source source = new Source();
        CompletableFuture<Long> written = FileSink.write(source, tmp.resolve("cancelled.bin"));
        assertTrue(written.cancel(true));
        assertTrue(source.cancelled.get());
    }

    @Test
    void aFileThatCannotBeOpenedFailsAtOnce() {
        Source source = new Source();
        CompletableFuture<Long> written = FileSink.write(source, tmp.resolve("no/such/dir/file.bin"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> written.get(LIMIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IOException, e.toString());
    }
}
