package ai.runloop.sdk.internal;

/** Argument checks whose messages name the parameter and the value given. */
public final class Checks {
    private Checks() {
    }

    /**
     * @param name  the parameter
     * @param value its value
     * @return the value
     * @throws IllegalArgumentException when it is null or blank
     */
    public static String notBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank but was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    /**
     * @param name  the parameter
     * @param value its value
     * @param <T>   its type
     * @return the value
     * @throws IllegalArgumentException when it is null
     */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * @param name  the parameter
     * @param value its value
     * @return the value
     * @throws IllegalArgumentException when it is not positive
     */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive but was " + value);
        }
        return value;
    }
}
