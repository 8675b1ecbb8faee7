package ai.runloop.emulator.internal.server;

/** An error answered to the client in the API's error shape. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String param;

    /**
     * @param status HTTP status
     * @param message human-readable message
     * @param param the request field at fault, or null
     */
    public ApiException(int status, String message, String param) {
        super(message, null, false, false);
        this.status = status;
        this.param = param;
    }

    /** @return HTTP status */
    public int status() {
        return status;
    }

    /** @return the request field at fault, or null */
    public String param() {
        return param;
    }

    /** @param field the bad field @param message why @return a 400 */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field);
    }

    /** @param kind resource kind @param id its id @return a 404 */
    public static ApiException notFound(String kind, String id) {
        return new ApiException(404, kind + " not found: " + id, null);
    }

    /** @param message why @return a 409 */
    public static ApiException conflict(String message) {
        return new ApiException(409, message, null);
    }
}
