package ai.runloop.api.internal;

import ai.runloop.api.spi.Headers;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every retry rule in one place (behaviours §3): the server's {@code x-should-retry} first, then the
 * status rules; the server's {@code retry-after-ms} / {@code retry-after} delay first, then capped
 * exponential backoff with jitter.
 */
final class RetryPolicy {
    private final Duration initial;
    private final Duration max;

    RetryPolicy(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** Whether an answer with this status and these headers should be retried. */
    static boolean shouldRetry(int status, Headers headers) {
        Optional<String> hint = headers.firstValue("x-should-retry");
        if (hint.isPresent() && hint.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (hint.isPresent() && hint.get().equalsIgnoreCase("false")) {
            return false;
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * @param retry   0 for the first retry
     * @param headers the failed answer's headers, or null after a connection failure
     * @return how long to wait before that retry
     */
    Duration delay(int retry, Headers headers) {
        if (headers != null) {
            Optional<Duration> server = serverDelay(headers);
            if (server.isPresent()) {
                return server.get();
            }
        }
        double nominal = Math.min(initial.toNanos() * Math.pow(2, retry), max.toNanos());
        double jitter = 1.0 - ThreadLocalRandom.current().nextDouble() * 0.25; // (0.75, 1.0]
        return Duration.ofNanos((long) (nominal * jitter));
    }

    /** The server's own delay, honoured when it is between 0 and 60 s. */
    static Optional<Duration> serverDelay(Headers headers) {
        Duration delay = null;
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            delay = parseMillis(ms.get());
        }
        if (delay == null) {
            Optional<String> after = headers.firstValue("retry-after");
            if (after.isPresent()) {
                delay = parseSeconds(after.get());
                if (delay == null) {
                    delay = parseDate(after.get());
                }
            }
        }
        if (delay == null || delay.isNegative() || delay.compareTo(Duration.ofSeconds(60)) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    private static Duration parseMillis(String text) {
        try {
            return Duration.ofNanos((long) (Double.parseDouble(text.trim()) * 1_000_000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration parseSeconds(String text) {
        try {
            return Duration.ofNanos((long) (Double.parseDouble(text.trim()) * 1_000_000_000L));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration parseDate(String text) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return Duration.between(ZonedDateTime.now(at.getZone()), at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
