package ai.runloop.model.support;

/**
 * A request parameter that the API would reject: a missing required field, a value out of range, or
 * fields that exclude each other. The message names the model and the field.
 */
public class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the field and the value */
    public ValidationException(String message) {
        super(message);
    }
}
