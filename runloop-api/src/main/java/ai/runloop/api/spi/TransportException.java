package ai.runloop.api.spi;

import java.util.Objects;

/**
 * The one exception a transport completes a future with when an exchange fails before a whole
 * response arrives: connection failures, timeouts, resets, cancellation, a closed transport.
 *
 * <p>The {@link #reason()} classifies the failure so that the pipeline can decide whether to retry
 * without knowing the underlying HTTP library.
 */
public final class TransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an exchange failed. */
    public enum Reason {
        /** The connection could not be made: refused, unreachable host, unknown host, TLS handshake failure. */
        CONNECT(true),
        /** The connection was not made within the connect timeout. */
        CONNECT_TIMEOUT(true),
        /** The response did not arrive within the request's timeout. */
        TIMEOUT(true),
        /** The connection broke during the exchange: reset, closed early, or a protocol error. */
        IO(true),
        /** The caller cancelled the exchange. */
        CANCELLED(false),
        /** The transport was closed. */
        CLOSED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /**
         * Whether a failure for this reason may succeed when tried again.
         *
         * @return {@code true} for connection, timeout and I/O failures
         */
        public boolean isRetryable() {
            return retryable;
        }
    }

    /** The classified reason. */
    private final Reason reason;

    /**
     * Creates an exception.
     *
     * @param reason the classified reason, not {@code null}
     * @param message a message that names what failed (never a header value)
     * @param cause the underlying exception, or {@code null}
     */
    public TransportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * The classified reason.
     *
     * @return the reason, never {@code null}
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Whether the exchange may succeed when tried again (the pipeline still decides, for instance
     * that a one-shot body cannot be replayed).
     *
     * @return {@code reason().isRetryable()}
     */
    public boolean isRetryable() {
        return reason.isRetryable();
    }
}
