package ai.runloop.api.spi;

/**
 * What a request is for, so that a transport can keep each kind on its own connections.
 */
public enum RequestKind {
    /** An ordinary API call: short, many of them. */
    API,
    /** A long poll that the server holds for up to tens of seconds (for example {@code wait_for_status}). */
    LONG_POLL,
    /** A file upload or download, possibly large and slow. */
    TRANSFER
}
