package ai.runloop.transport.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.codec.http2.HttpConversionUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server for the transport's own tests: HTTP/1.1, or HTTP/2 with prior knowledge
 * (h2c). It counts accepted connections and answers:
 * <ul>
 *   <li>{@code /echo}: the request body, with {@code x-protocol: h2} or {@code http/1.1};</li>
 *   <li>{@code /download?size=N} (HTTP/1.1): N bytes written only while the socket takes them,
 *       reporting how far it got when the client stopped reading ({@link #stalled()}).</li>
 * </ul>
 */
final class NettyTestServer implements AutoCloseable {

    /** The server's outbound buffer above which a download counts as stalled by the client. */
    static final int STALL_PENDING_BYTES = 2 << 20;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final AtomicInteger accepted = new AtomicInteger();
    /** Bytes of the download handed to the kernel when the download first stalled. */
    private final CompletableFuture<Long> stalled = new CompletableFuture<>();
    private final AtomicLong downloadFlushed = new AtomicLong();

    NettyTestServer(boolean h2c) throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(STALL_PENDING_BYTES / 2, STALL_PENDING_BYTES))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        accepted.incrementAndGet();
                        if (h2c) {
                            channel.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(),
                                    new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                                        @Override
                                        protected void initChannel(Channel stream) {
                                            stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true),
                                                    new HttpObjectAggregator(16 << 20), new Handler());
                                        }
                                    }));
                        } else {
                            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(16 << 20), new Handler());
                        }
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + pathAndQuery);
    }

    int acceptedConnections() {
        return accepted.get();
    }

    CompletableFuture<Long> stalled() {
        return stalled;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            QueryStringDecoder query = new QueryStringDecoder(request.uri());
            if (query.path().equals("/download")) {
                long size = Long.parseLong(query.parameters().get("size").get(0));
                DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                head.headers().set(HttpHeaderNames.CONTENT_LENGTH, size);
                ctx.writeAndFlush(head);
                new Download(ctx, size).pump();
                return;
            }
            boolean h2 = request.headers().contains(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text());
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    request.content().retainedDuplicate());
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
            response.headers().set("x-protocol", h2 ? "h2" : "http/1.1");
            if (h2) {
                response.headers().set(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text(),
                        request.headers().get(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text()));
            }
            ctx.writeAndFlush(response);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            Download download = ctx.channel().attr(Download.KEY).get();
            if (download != null && ctx.channel().isWritable()) {
                download.pump();
            }
            ctx.fireChannelWritabilityChanged();
        }
    }

    /** Writes a download while the channel is writable; marks the first stall. */
    private final class Download {
        static final io.netty.util.AttributeKey<Download> KEY = io.netty.util.AttributeKey.valueOf("download");
        private static final int CHUNK = 64 * 1024;
        private final ChannelHandlerContext ctx;
        private final long size;
        private long written;

        Download(ChannelHandlerContext ctx, long size) {
            this.ctx = ctx;
            this.size = size;
            ctx.channel().attr(KEY).set(this);
        }

        void pump() {
            while (written < size && ctx.channel().isWritable()) {
                int length = (int) Math.min(CHUNK, size - written);
                ByteBuf chunk = Unpooled.buffer(length);
                for (int i = 0; i < length; i++) {
                    chunk.writeByte((int) ((written + i) % 251));
                }
                written += length;
                ctx.writeAndFlush(new DefaultHttpContent(chunk)).addListener(f -> {
                    if (f.isSuccess()) {
                        downloadFlushed.addAndGet(length);
                    }
                });
            }
            if (written == size) {
                ctx.channel().attr(KEY).set(null);
                ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f ->
                        stalled.completeExceptionally(new AssertionError("the whole body of " + size
                                + " bytes left the server without the client's socket ever filling up")));
            } else {
                stalled.complete(downloadFlushed.get());
            }
        }
    }
}
