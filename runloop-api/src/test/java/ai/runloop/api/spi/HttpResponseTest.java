package ai.runloop.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpResponseTest {

    @Test
    void bufferedBodyIsAlsoAPublisher() throws Exception {
        HttpResponse response = HttpResponse.buffered(200, Headers.builder().add("X-A", "1").build(), new byte[] {4, 5});
        assertEquals("1", response.headers().firstValue("x-a").orElseThrow());
        assertArrayEquals(new byte[] {4, 5}, response.bodyBytes());
        assertArrayEquals(new byte[] {4, 5}, response.readAllBytes().get(5, TimeUnit.SECONDS));
        CompletableFuture<byte[]> collected = new CompletableFuture<>();
        response.bodyPublisher().subscribe(new Collecting(collected));
        assertArrayEquals(new byte[] {4, 5}, collected.get(5, TimeUnit.SECONDS));
    }

    @Test
    void streamedBodyIsReadOnceAndClosingAnUnreadBodyCancelsIt() throws Exception {
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Flow.Publisher<ByteBuffer> upstream = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled.complete(null);
            }
        });
        HttpResponse response = HttpResponse.streamed(200, Headers.empty(), upstream);
        assertThrows(IllegalStateException.class, response::bodyBytes);
        response.close();
        cancelled.get(5, TimeUnit.SECONDS);
        ExecutionException error = assertThrows(ExecutionException.class,
                () -> response.readAllBytes().get(5, TimeUnit.SECONDS));
        assertTrue(error.getCause() instanceof IllegalStateException);
    }

    @Test
    void closingWhileReadingCancelsTheSubscription() throws Exception {
        CompletableFuture<Long> requested = new CompletableFuture<>();
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Flow.Publisher<ByteBuffer> upstream = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested.complete(n);
            }

            @Override
            public void cancel() {
                cancelled.complete(null);
            }
        });
        HttpResponse response = HttpResponse.streamed(200, Headers.empty(), upstream);
        CompletableFuture<byte[]> all = response.readAllBytes();
        assertEquals(Long.MAX_VALUE, requested.get(5, TimeUnit.SECONDS));
        assertTrue(!cancelled.isDone());
        response.close();
        cancelled.get(5, TimeUnit.SECONDS);
        assertTrue(!all.isDone());
    }

    private static final class Collecting implements Flow.Subscriber<ByteBuffer> {
        private final CompletableFuture<byte[]> result;
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        Collecting(CompletableFuture<byte[]> result) {
            this.result = result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(1);
        }

        @Override
        public void onNext(ByteBuffer item) {
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            out.writeBytes(bytes);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
