package ai.runloop.api.errors;

/**
 * The request did not get an HTTP answer: the connection was refused, reset or closed. Retried by the
 * pipeline within the retry budget; thrown once the budget is spent.
 */
public class RunloopConnectionException extends RunloopException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the transport failure
     */
    public RunloopConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
