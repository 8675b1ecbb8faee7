package ai.runloop.transport.jdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlatteningPublisherTest {

    private final AtomicLong upstreamRequested = new AtomicLong();
    private final AtomicBoolean upstreamCancelled = new AtomicBoolean();
    private Flow.Subscriber<? super List<ByteBuffer>> upstreamSubscriber;
    private final Recorder downstream = new Recorder();

    @BeforeEach
    void subscribe() {
        Flow.Publisher<List<ByteBuffer>> upstream = subscriber -> {
            upstreamSubscriber = subscriber;
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    upstreamRequested.addAndGet(n);
                }

                @Override
                public void cancel() {
                    upstreamCancelled.set(true);
                }
            });
        };
        new FlatteningPublisher(upstream).subscribe(downstream);
    }

    @Test
    void deliversBuffersOneByOneAsRequestedAndAsksUpstreamForOneListAtATime() {
        assertEquals(0, upstreamRequested.get(), "nothing is asked before downstream demand");
        downstream.subscription.request(1);
        assertEquals(1, upstreamRequested.get());
        upstreamSubscriber.onNext(List.of(buffer(1), buffer(2), ByteBuffer.allocate(0), buffer(3)));
        assertEquals(List.of(1), downstream.values);
        downstream.subscription.request(1);
        assertEquals(List.of(1, 2), downstream.values);
        assertEquals(1, upstreamRequested.get(), "the list is not exhausted: upstream is not asked again");
        downstream.subscription.request(5);
        assertEquals(List.of(1, 2, 3), downstream.values);
        assertEquals(2, upstreamRequested.get(), "remaining demand asks for the next list");
        upstreamSubscriber.onComplete();
        assertTrue(downstream.completed);
    }

    @Test
    void completionWaitsUntilEveryBufferIsDelivered() {
        downstream.subscription.request(1);
        upstreamSubscriber.onNext(List.of(buffer(1), buffer(2)));
        upstreamSubscriber.onComplete();
        assertTrue(!downstream.completed);
        downstream.subscription.request(1);
        assertEquals(List.of(1, 2), downstream.values);
        assertTrue(downstream.completed);
    }

    @Test
    void cancelCancelsUpstream() {
        downstream.subscription.request(1);
        downstream.subscription.cancel();
        assertTrue(upstreamCancelled.get());
    }

    @Test
    void nonPositiveRequestFailsAndCancelsUpstream() {
        downstream.subscription.request(0);
        assertInstanceOf(IllegalArgumentException.class, downstream.error);
        assertTrue(upstreamCancelled.get());
    }

    private static ByteBuffer buffer(int value) {
        return ByteBuffer.wrap(new byte[] {(byte) value});
    }

    private static final class Recorder implements Flow.Subscriber<ByteBuffer> {
        final List<Integer> values = new ArrayList<>();
        Flow.Subscription subscription;
        boolean completed;
        Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(ByteBuffer item) {
            values.add((int) item.get());
        }

        @Override
        public void onError(Throwable e) {
            error = e;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
