package ai.runloop.api.errors;

/**
 * The server answered with success but a body this SDK cannot read: malformed, truncated or of the
 * wrong shape. Carries the status and a bounded excerpt of the body.
 */
public class InvalidResponseException extends RunloopException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String bodyExcerpt;

    /**
     * @param message     which operation's answer could not be read
     * @param status      the HTTP status
     * @param bodyExcerpt the start of the body as text
     * @param cause       the decoding failure
     */
    public InvalidResponseException(String message, int status, String bodyExcerpt, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.bodyExcerpt = bodyExcerpt;
    }

    /** @return the HTTP status of the answer */
    public int status() {
        return status;
    }

    /** @return the start of the body, at most a few hundred characters */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
