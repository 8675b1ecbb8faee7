package ai.runloop.transport.netty.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/**
 * The last inbound handler of a connection or stream: hands HTTP objects to the current exchange.
 * On a pooled HTTP/1.1 connection, anything that arrives between exchanges closes the connection.
 */
final class ResponseHandler extends ChannelInboundHandlerAdapter {

    private Exchange exchange;

    void exchange(Exchange current) {
        this.exchange = current;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            Exchange current = exchange;
            if (current != null && msg instanceof HttpObject) {
                current.onMessage((HttpObject) msg);
                if (current.isFinished() && exchange == current) {
                    exchange = null;
                }
            } else if (current == null) {
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Exchange current = exchange;
        if (current != null) {
            current.onReadComplete();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange current = exchange;
        exchange = null;
        if (current != null) {
            current.onInactive();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange current = exchange;
        exchange = null;
        if (current != null) {
            current.onError(cause);
        }
        ctx.close();
    }
}
