package ai.runloop.api.errors;

/**
 * The root of every exception the Runloop SDK throws. Unchecked, like the exceptions of the JDK's own
 * HTTP client wrappers in AWS SDK v2 and OkHttp: callers catch the subtype whose meaning they handle.
 * Messages name the operation and the resource; they never contain the API key.
 */
public class RunloopException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the underlying failure, or null
     */
    public RunloopException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public RunloopException(String message) {
        super(message);
    }
}
