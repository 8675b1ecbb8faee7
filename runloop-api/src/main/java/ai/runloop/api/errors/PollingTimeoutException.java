package ai.runloop.api.errors;

import java.time.Duration;

/**
 * A wait (for a devbox to run, a build to finish, a command to complete) ran out of time or attempts.
 * Says what was awaited and the last status seen, and keeps the last value polled.
 */
public class PollingTimeoutException extends RunloopException {
    private static final long serialVersionUID = 1L;
    private final transient Object lastValue;
    private final String lastStatus;

    /**
     * @param awaited    what was awaited, e.g. "devbox dbx_1 to be running"
     * @param waited     how long it waited
     * @param attempts   how many polls were made
     * @param lastStatus the last status seen, or null when nothing was seen
     * @param lastValue  the last value polled, or null
     */
    public PollingTimeoutException(String awaited, Duration waited, int attempts, String lastStatus, Object lastValue) {
        super("Timed out waiting for " + awaited + " after " + waited.toMillis() + " ms and " + attempts
                + " attempt(s); last status seen: " + (lastStatus == null ? "none" : lastStatus));
        this.lastStatus = lastStatus;
        this.lastValue = lastValue;
    }

    /** @return the last status seen, or null */
    public String lastStatus() {
        return lastStatus;
    }

    /** @return the last value polled (a view record), or null */
    public Object lastValue() {
        return lastValue;
    }
}
