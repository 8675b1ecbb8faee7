package ai.runloop.transport.netty.internal;

import io.netty.channel.Channel;

/** What carries one exchange: an HTTP/1.1 connection, or a stream of an HTTP/2 connection. */
interface Carrier {

    /** The channel to write the request to and read the response from. */
    Channel channel();

    /** Whether a file body may be sent as a zero-copy {@link io.netty.channel.FileRegion}. */
    boolean zeroCopyFiles();

    /**
     * Ends the exchange on this carrier, once, on its event loop.
     *
     * @param reusable whether the connection is clean and may carry another exchange
     */
    void finish(boolean reusable);
}
