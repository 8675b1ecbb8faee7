package ai.runloop.api.errors;

/** The request or the connection attempt took longer than its timeout. A kind of connection failure. */
public class RunloopTimeoutException extends RunloopConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out, and after how long
     * @param cause   the transport failure, or null
     */
    public RunloopTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
