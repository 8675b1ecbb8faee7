package ai.runloop.api.errors;

/**
 * A wait ended in a state other than the one awaited: a devbox that failed or shut down instead of
 * running, a build that failed, a snapshot in error. Says what was awaited, the state reached and why.
 */
public class UnexpectedStateException extends RunloopException {
    private static final long serialVersionUID = 1L;
    private final String state;
    private final transient Object value;

    /**
     * @param message what was awaited and what happened
     * @param state   the state reached
     * @param value   the last view, or null
     */
    public UnexpectedStateException(String message, String state, Object value) {
        super(message);
        this.state = state;
        this.value = value;
    }

    /** @return the state reached */
    public String state() {
        return state;
    }

    /** @return the last view seen (a record), or null */
    public Object value() {
        return value;
    }
}
