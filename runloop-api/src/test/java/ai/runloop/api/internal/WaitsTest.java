package ai.runloop.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.runloop.api.PollingConfig;
import ai.runloop.api.errors.ApiStatusException;
import ai.runloop.api.errors.BadRequestException;
import ai.runloop.api.errors.InternalServerException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The long-poll loop rides out transient answers, since its requests are sent with retries off. */
class WaitsTest {

    private static ApiStatusException status(int code, Map<String, List<String>> headers) {
        return ApiStatusException.of("HTTP " + code, code, headers, "{}");
    }

    /** Answers from a script: an exception fails the poll, a string is the polled status. */
    private static Function<Duration, CompletableFuture<String>> script(Object... answers) {
        Deque<Object> queue = new ArrayDeque<>(List.of(answers));
        return hold -> {
            Object next = queue.isEmpty() ? "running" : queue.poll();
            return next instanceof RuntimeException e ? CompletableFuture.failedFuture(e)
                    : CompletableFuture.completedFuture((String) next);
        };
    }

    private static String run(Function<Duration, CompletableFuture<String>> request) throws Exception {
        return Waits.longPoll(request, "completed"::equals, s -> s, PollingConfig.timeout(Duration.ofSeconds(60)),
                "the thing", Duration.ofSeconds(25)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aFewTransientAnswersInARowAreRiddenOut() throws Exception {
        assertEquals("completed", run(script(status(503, Map.of()), status(429, Map.of("retry-after-ms", List.of("5"))),
                status(408, Map.of()), status(500, Map.of()), "running", "completed")));
    }

    @Test
    void tooManyTransientAnswersInARowFail() {
        Object[] answers = new Object[Waits.MAX_TRANSIENT_IN_ROW + 1];
        java.util.Arrays.fill(answers, status(500, Map.of("retry-after-ms", List.of("1"))));
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(script(answers)));
        assertInstanceOf(InternalServerException.class, e.getCause());
    }

    @Test
    void aClientErrorOrAServerNoRetryFailsAtOnce() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(script(status(400, Map.of()))));
        assertInstanceOf(BadRequestException.class, e.getCause());
        e = assertThrows(ExecutionException.class,
                () -> run(script(status(503, Map.of("x-should-retry", List.of("false"))))));
        assertInstanceOf(InternalServerException.class, e.getCause());
    }
}
