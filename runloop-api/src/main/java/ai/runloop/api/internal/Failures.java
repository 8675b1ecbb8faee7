package ai.runloop.api.internal;

import ai.runloop.api.errors.RunloopConnectionException;
import ai.runloop.api.errors.RunloopException;
import ai.runloop.api.errors.RunloopTimeoutException;
import ai.runloop.api.spi.TransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps whatever a future failed with to the SDK's exceptions, one place for every call path. */
public final class Failures {
    private Failures() {
    }

    /** @return the cause behind CompletionException/ExecutionException wrappers */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Whether a failure is a transport failure worth retrying. */
    static boolean isRetryable(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof TransportException t ? t.isRetryable() : e instanceof TimeoutException;
    }

    /**
     * @param what  the operation and resource, for the message
     * @param error the failure
     * @return the SDK exception for it (cancellation stays a CancellationException)
     */
    public static RuntimeException map(String what, Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof RunloopException r) {
            return r;
        }
        if (e instanceof CancellationException c) {
            return c;
        }
        if (e instanceof TimeoutException) {
            return new RunloopTimeoutException(what + ": timed out", e);
        }
        if (e instanceof TransportException t) {
            return switch (t.reason()) {
                case CONNECT_TIMEOUT, TIMEOUT -> new RunloopTimeoutException(what + ": " + t.getMessage(), t);
                case CANCELLED -> new CancellationException(what + ": cancelled");
                default -> new RunloopConnectionException(what + ": " + t.getMessage(), t);
            };
        }
        if (e instanceof RuntimeException r && (e instanceof IllegalArgumentException || e instanceof IllegalStateException)) {
            return r;
        }
        return new RunloopException(what + ": " + e, e);
    }
}
