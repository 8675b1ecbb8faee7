package ai.runloop.transport.netty.internal;

import io.netty.channel.Channel;

/** A pooled HTTP/1.1 connection: one exchange at a time, reused while the server keeps it alive. */
final class H1Connection implements Carrier {

    private final Route route;
    private final Channel channel;
    private final ResponseHandler handler;
    private final boolean zeroCopyFiles;
    /** Whether the route no longer counts it; guarded by the route. */
    boolean retired;

    H1Connection(Route route, Channel channel, ResponseHandler handler, boolean zeroCopyFiles) {
        this.route = route;
        this.channel = channel;
        this.handler = handler;
        this.zeroCopyFiles = zeroCopyFiles;
    }

    /** Runs an exchange on this connection (from any thread). */
    void run(Exchange exchange) {
        channel.eventLoop().execute(() -> exchange.start(this, handler));
    }

    /** @return the header blocks of this connection's route */
    RequestWriter.SharedHeads sharedHeads() {
        return route.sharedHeads;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public boolean zeroCopyFiles() {
        return zeroCopyFiles;
    }

    @Override
    public void finish(boolean reusable) {
        handler.exchange(null);
        route.release(this, reusable);
    }
}
