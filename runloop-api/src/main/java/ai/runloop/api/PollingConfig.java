package ai.runloop.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often to wait for a state: the interval between plain polls, the most attempts, and
 * an overall timeout. Long polls (where the server holds the request) use the same budget, without
 * sleeping between requests. Defaults: 1 s, 120 attempts, no extra timeout — so 120 s in all.
 *
 * @param interval    the pause between plain polls; positive
 * @param maxAttempts the most polls; positive
 * @param timeout     the overall time limit, or null for interval × maxAttempts
 */
public record PollingConfig(Duration interval, int maxAttempts, Duration timeout) {
    private static final PollingConfig DEFAULTS = new PollingConfig(Duration.ofSeconds(1), 120, null);

    /** Validates the values. */
    public PollingConfig {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("PollingConfig.interval must be positive but was " + interval);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("PollingConfig.maxAttempts must be at least 1 but was " + maxAttempts);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("PollingConfig.timeout must be positive but was " + timeout);
        }
    }

    /** @return 1 s × 120 attempts */
    public static PollingConfig defaults() {
        return DEFAULTS;
    }

    /**
     * @param timeout the overall limit
     * @return the defaults with this timeout (and as many attempts as fit)
     */
    public static PollingConfig timeout(Duration timeout) {
        return new PollingConfig(DEFAULTS.interval, Integer.MAX_VALUE, timeout);
    }

    /**
     * @param interval the pause between plain polls
     * @return a copy with this interval
     */
    public PollingConfig withInterval(Duration interval) {
        return new PollingConfig(interval, maxAttempts, timeout);
    }

    /**
     * @param maxAttempts the most polls
     * @return a copy with this limit
     */
    public PollingConfig withMaxAttempts(int maxAttempts) {
        return new PollingConfig(interval, maxAttempts, timeout);
    }

    /** @return the overall budget: the timeout, or interval × maxAttempts, whichever is smaller */
    public Duration budget() {
        Duration byAttempts = maxAttempts == Integer.MAX_VALUE ? null : interval.multipliedBy(maxAttempts);
        if (timeout == null) {
            return byAttempts;
        }
        return byAttempts == null || timeout.compareTo(byAttempts) < 0 ? timeout : byAttempts;
    }
}
