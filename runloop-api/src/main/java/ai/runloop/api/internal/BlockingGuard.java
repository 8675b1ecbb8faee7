package ai.runloop.api.internal;

/**
 * Refuses blocking calls on event-loop threads, where a wait would stall every connection the loop
 * serves. Recognises Vert.x and Netty event loops by their thread names, so it needs neither library.
 */
public final class BlockingGuard {
    private BlockingGuard() {
    }

    /**
     * @param operation   the blocking operation about to wait
     * @param alternative what to use instead, for the message
     * @throws IllegalStateException on an event-loop thread
     */
    public static void check(String operation, String alternative) {
        String thread = Thread.currentThread().getName();
        if (thread.startsWith("vert.x-eventloop-thread") || thread.contains("nioEventLoopGroup")
                || thread.contains("epollEventLoopGroup") || thread.startsWith("runloop-netty-")) {
            throw new IllegalStateException("Blocking call " + operation + " on event-loop thread '" + thread
                    + "' would stall the event loop; use " + alternative + " instead");
        }
    }
}
