package ai.runloop.transport.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * An HTTP/2 connection: each exchange gets its own stream channel, whose pipeline turns frames into
 * the same HTTP objects an HTTP/1.1 connection yields. Closing a stream channel early resets the
 * stream and leaves the connection to the others.
 */
final class H2Connection {

    private final Route route;
    private final Channel channel;
    private final Http2FrameCodec codec;
    /** Streams opened or being opened; guarded by the route. */
    int active;
    /** Whether the route no longer counts it; guarded by the route. */
    boolean retired;

    H2Connection(Route route, Channel channel, Http2FrameCodec codec) {
        this.route = route;
        this.channel = channel;
        this.codec = codec;
    }

    Channel channel() {
        return channel;
    }

    /** Whether another stream may be opened; called under the route's lock. */
    boolean hasCapacity() {
        return !retired && channel.isActive() && !codec.connection().goAwayReceived()
                && active < Math.max(1, codec.connection().local().maxActiveStreams());
    }

    /** Opens a stream for an exchange (from any thread); the route counted it already. */
    void openStream(Exchange exchange) {
        channel.eventLoop().execute(() -> {
            if (exchange.result.isDone()) {
                route.streamClosed(this);
                return;
            }
            ResponseHandler handler = new ResponseHandler();
            new Http2StreamChannelBootstrap(channel).handler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel stream) {
                    stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false), new ChunkedWriteHandler(), handler);
                }
            }).open().addListener(opened -> {
                if (!opened.isSuccess()) {
                    route.streamClosed(this);
                    exchange.fail(Failures.exchange(opened.cause(), exchange.what));
                    return;
                }
                Http2StreamChannel stream = (Http2StreamChannel) opened.getNow();
                stream.closeFuture().addListener(closed -> route.streamClosed(this));
                exchange.start(new StreamCarrier(stream), handler);
            });
        });
    }

    private static final class StreamCarrier implements Carrier {
        private final Http2StreamChannel stream;

        StreamCarrier(Http2StreamChannel stream) {
            this.stream = stream;
        }

        @Override
        public Channel channel() {
            return stream;
        }

        @Override
        public boolean zeroCopyFiles() {
            return false;
        }

        @Override
        public void finish(boolean reusable) {
            // A stream that ended both ways is closed already; otherwise this resets it.
            stream.close();
        }
    }
}
