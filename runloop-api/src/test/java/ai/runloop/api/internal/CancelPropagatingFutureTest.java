package ai.runloop.api.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A cancel reaches whatever step of a chain is running: the root's work, or a composed step. */
class CancelPropagatingFutureTest {

    @Test
    void cancellingADependentStageStopsTheRootsWork() {
        CancelPropagatingFuture<String> root = new CancelPropagatingFuture<>();
        CompletableFuture<String> work = new CompletableFuture<>();
        root.follow(work);
        root.thenApply(String::length).thenApply(n -> n + 1).cancel(true);
        assertTrue(root.isCancelled());
        assertTrue(work.isCancelled());
    }

    @Test
    void cancellingAfterTheFirstStepStopsTheSecond() {
        CancelPropagatingFuture<String> first = new CancelPropagatingFuture<>();
        CompletableFuture<Integer> second = new CompletableFuture<>();
        CompletableFuture<Integer> chain = first.thenCompose(v -> second).thenApply(n -> n * 2);
        first.complete("created");
        chain.cancel(true);
        assertTrue(second.isCancelled(), "the second step kept running");
    }

    @Test
    void aStepComposedOnACompletedFutureIsFollowedToo() {
        CancelPropagatingFuture<String> first = new CancelPropagatingFuture<>();
        first.complete("created");
        CompletableFuture<Integer> second = new CompletableFuture<>();
        CompletableFuture<Integer> chain = first.thenCompose(v -> second);
        chain.cancel(true);
        assertTrue(second.isCancelled());
    }

    @Test
    void cancellingBeforeTheFirstStepEndsNeverStartsTheSecond() {
        CancelPropagatingFuture<String> first = new CancelPropagatingFuture<>();
        AtomicBoolean started = new AtomicBoolean();
        CompletableFuture<Integer> chain = first.thenCompose(v -> {
            started.set(true);
            return new CompletableFuture<>();
        });
        chain.cancel(true);
        assertTrue(first.isCancelled());
        first.complete("late");
        assertFalse(started.get(), "the second step started after the cancel");
    }

    @Test
    void aRecoveryStepIsFollowed() {
        CancelPropagatingFuture<String> first = new CancelPropagatingFuture<>();
        CompletableFuture<String> recovery = new CompletableFuture<>();
        CompletableFuture<String> chain = first.exceptionallyCompose(e -> recovery);
        first.completeExceptionally(new IllegalStateException("boom"));
        chain.cancel(true);
        assertTrue(recovery.isCancelled());
    }

    @Test
    void workFollowedAfterTheCancelIsCancelledAtOnce() {
        CancelPropagatingFuture<String> root = new CancelPropagatingFuture<>();
        root.cancel(true);
        CompletableFuture<String> late = new CompletableFuture<>();
        root.follow(late);
        assertTrue(late.isCancelled());
    }

    @Test
    void cancellingAWaitStopsItsPollInFlight() {
        CompletableFuture<String> poll = new CompletableFuture<>();
        CompletableFuture<String> waiting = Waits.longPoll(hold -> poll, "done"::equals, s -> s,
                ai.runloop.api.PollingConfig.timeout(Duration.ofMinutes(1)), "the thing", Duration.ofSeconds(25));
        waiting.thenApply(String::length).cancel(true);
        assertTrue(poll.isCancelled(), "the long poll kept running");
    }
}
