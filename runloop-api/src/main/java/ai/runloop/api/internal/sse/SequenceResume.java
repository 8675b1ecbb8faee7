package ai.runloop.api.internal.sse;

import ai.runloop.model.axons.AxonEventView;

/** Resume of axon subscriptions: reconnect with {@code after_sequence} = the last sequence delivered. */
public final class SequenceResume implements ResumePolicy<AxonEventView> {
    private Long last;

    private SequenceResume(Long after) {
        this.last = after;
    }

    /**
     * @param after the sequence to start after, or null for the beginning
     * @return the policy
     */
    public static SequenceResume after(Long after) {
        return new SequenceResume(after);
    }

    @Override
    public synchronized String position() {
        return last == null ? null : Long.toString(last);
    }

    @Override
    public synchronized AxonEventView accept(AxonEventView event) {
        if (event.sequence() != null) {
            if (last != null && event.sequence() <= last) {
                return null; // already delivered before a reconnect
            }
            last = event.sequence();
        }
        return event;
    }
}
