package ai.runloop.api.internal;

import ai.runloop.api.RequestOptions;
import java.time.Duration;

/** Timeouts of long-poll requests: the server's hold plus 5 s, so its 408 arrives before the client gives up. */
public final class LongPolls {
    /** What the client adds to the server hold. */
    public static final Duration BUFFER = Duration.ofSeconds(5);

    private LongPolls() {
    }

    /**
     * @param options       the caller's options; an explicit timeout wins
     * @param timeoutSeconds the hold the caller asked for, or null for the server's default
     * @param clampSeconds  the server's longest hold
     * @return options whose timeout covers the hold
     */
    public static RequestOptions holdTimeout(RequestOptions options, Number timeoutSeconds, int clampSeconds) {
        RequestOptions opts = options == null ? RequestOptions.none() : options;
        if (opts.timeout().isPresent()) {
            return opts;
        }
        double hold = timeoutSeconds == null ? clampSeconds : Math.min(Math.max(0, timeoutSeconds.doubleValue()), clampSeconds);
        return opts.toBuilder().timeout(Duration.ofMillis((long) (hold * 1000)).plus(BUFFER)).build();
    }
}
