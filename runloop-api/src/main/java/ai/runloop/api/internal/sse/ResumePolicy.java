package ai.runloop.api.internal.sse;

/**
 * Where a reconnecting stream resumes, and how a repeat after a reconnect is recognised.
 *
 * @param <T> the event type
 */
public interface ResumePolicy<T> {

    /** @return the value of the resume query parameter for the next connection, or null to send none */
    String position();

    /**
     * Records a received event.
     *
     * @param item the event as received
     * @return the event to deliver (possibly trimmed of what was already delivered), or null to drop it
     */
    T accept(T item);

    /**
     * @param <T> the event type
     * @return a policy for streams that cannot resume
     */
    static <T> ResumePolicy<T> none() {
        return new ResumePolicy<>() {
            @Override
            public String position() {
                return null;
            }

            @Override
            public T accept(T item) {
                return item;
            }
        };
    }
}
