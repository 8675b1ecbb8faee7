package ai.runloop.transport.netty.internal;

import ai.runloop.api.spi.Headers;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.RequestBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.Flow;

/**
 * Writes a request: the head, then the body streamed as it is read. A file goes to the socket as a
 * {@link DefaultFileRegion} (sendfile, no copy through the heap) on a plain HTTP/1.1 connection,
 * else as {@link ChunkedNioFile} chunks through the {@code ChunkedWriteHandler}, which writes a chunk
 * only while the channel is writable. A publisher is read a few buffers ahead of the socket.
 */
final class RequestWriter {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final int FILE_CHUNK = 64 * 1024;

    private RequestWriter() {
    }

    /**
     * @param sharedHeads where an HTTP/1.1 connection keeps header blocks built once for header sets its
     *                    route sends again and again, or null
     */
    static void write(Channel channel, Exchange exchange, boolean zeroCopyFiles, SharedHeads sharedHeads) {
        HttpRequest request = exchange.request;
        RequestBody body = request.body();
        try {
            if (body instanceof RequestBody.Empty && sharedHeads != null && !BODY_METHODS.contains(request.method())) {
                // The usual GET: its header block (the client's shared header set plus Host) is built and
                // checked once, then only read by the encoder. Netty's own check of the request line is
                // skipped: the method is letters only and the target was checked when the request was built.
                DefaultFullHttpRequest head = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                        HttpMethod.valueOf(request.method()), request.target(), Unpooled.EMPTY_BUFFER,
                        sharedHeads.of(request.headers(), Exchange.hostHeader(request)), EmptyHttpHeaders.INSTANCE,
                        false);
                track(channel.writeAndFlush(head), exchange);
            } else if (body instanceof RequestBody.Empty) {
                DefaultFullHttpRequest head = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                        HttpMethod.valueOf(request.method()), request.target(), Unpooled.EMPTY_BUFFER);
                headers(request, head.headers());
                if (BODY_METHODS.contains(request.method())) {
                    head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                }
                track(channel.writeAndFlush(head), exchange);
            } else if (body instanceof RequestBody.Bytes) {
                ByteBuffer bytes = ((RequestBody.Bytes) body).buffer();
                DefaultFullHttpRequest head = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                        HttpMethod.valueOf(request.method()), request.target(), Unpooled.wrappedBuffer(bytes));
                headers(request, head.headers());
                head.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.remaining());
                track(channel.writeAndFlush(head), exchange);
            } else if (body instanceof RequestBody.FromFile) {
                FileChannel file = FileChannel.open(((RequestBody.FromFile) body).file(), StandardOpenOption.READ);
                long length;
                try {
                    length = file.size();
                } catch (IOException | RuntimeException e) {
                    file.close();
                    throw e;
                }
                channel.write(head(request, length)).addListener(f -> failIfNot(f, exchange));
                if (zeroCopyFiles) {
                    channel.write(new DefaultFileRegion(file, 0, length)).addListener(f -> failIfNot(f, exchange));
                    track(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), exchange);
                } else {
                    track(channel.writeAndFlush(new HttpChunkedInput(new ChunkedNioFile(file, 0, length, FILE_CHUNK))),
                            exchange);
                }
            } else {
                RequestBody.FromPublisher publisherBody = (RequestBody.FromPublisher) body;
                channel.writeAndFlush(head(request, publisherBody.contentLength()))
                        .addListener(f -> failIfNot(f, exchange));
                publisherBody.publisher().subscribe(new BodySubscriber(channel, exchange, publisherBody.contentLength()));
            }
        } catch (IOException | RuntimeException e) {
            exchange.writeFailed(e);
        }
    }

    private static DefaultHttpRequest head(HttpRequest request, long contentLength) {
        DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.valueOf(request.method()), request.target());
        headers(request, head.headers());
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        return head;
    }

    /**
     * Netty header blocks built once per header set of the SPI, for the header sets a route sends on
     * most of its requests (a client reuses one {@link Headers} instance for every such call). Names
     * and values are {@link AsciiString}s, which the encoder copies as bytes; they were checked when
     * the {@link Headers} were built, so Netty does not check them again. A block is only ever read.
     */
    static final class SharedHeads {
        private record Block(Headers source, String host, HttpHeaders netty) {
        }

        private volatile Block last;

        HttpHeaders of(Headers headers, String host) {
            Block block = last;
            if (block == null || block.source() != headers || !block.host().equals(host)) {
                HttpHeaders netty = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
                headers.map().forEach((name, values) -> {
                    AsciiString asciiName = new AsciiString(name);
                    values.forEach(value -> netty.add(asciiName, new AsciiString(value)));
                });
                netty.set(HttpHeaderNames.HOST, new AsciiString(host));
                block = new Block(headers, host, netty);
                last = block;
            }
            return block.netty();
        }
    }

    private static void headers(HttpRequest request, HttpHeaders target) {
        request.headers().map().forEach(target::add);
        target.set(HttpHeaderNames.HOST, Exchange.hostHeader(request));
    }

    private static void track(ChannelFuture lastWrite, Exchange exchange) {
        lastWrite.addListener(f -> {
            if (f.isSuccess()) {
                exchange.requestSent();
            } else {
                exchange.writeFailed(f.cause());
            }
        });
    }

    private static void failIfNot(io.netty.util.concurrent.Future<?> future, Exchange exchange) {
        if (!future.isSuccess()) {
            exchange.writeFailed(future.cause());
        }
    }

    /**
     * Writes a publisher's buffers, asking for one more each time a write reaches the socket, so at
     * most {@value #AHEAD} buffers are held at once.
     */
    private static final class BodySubscriber implements Flow.Subscriber<ByteBuffer> {

        private static final int AHEAD = 4;

        private final Channel channel;
        private final EventLoop loop;
        private final Exchange exchange;
        private final long expected;
        private Flow.Subscription subscription;
        private long written;
        private boolean done;

        BodySubscriber(Channel channel, Exchange exchange, long expected) {
            this.channel = channel;
            this.loop = channel.eventLoop();
            this.exchange = exchange;
            this.expected = expected;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            loop.execute(() -> {
                if (subscription != null) {
                    s.cancel();
                    return;
                }
                subscription = s;
                exchange.requestBodySubscription(s);
                s.request(AHEAD);
            });
        }

        @Override
        public void onNext(ByteBuffer item) {
            loop.execute(() -> {
                if (done || exchange.isFinished()) {
                    return;
                }
                written += item.remaining();
                if (written > expected) {
                    fail(new IOException("the body publisher sent more than its declared " + expected + " bytes"));
                    return;
                }
                channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(item))).addListener(f -> {
                    if (f.isSuccess()) {
                        if (!done) {
                            subscription.request(1);
                        }
                    } else {
                        fail(f.cause());
                    }
                });
            });
        }

        @Override
        public void onError(Throwable error) {
            loop.execute(() -> fail(new IOException("the body publisher failed: " + error, error)));
        }

        @Override
        public void onComplete() {
            loop.execute(() -> {
                if (done || exchange.isFinished()) {
                    return;
                }
                done = true;
                if (written != expected) {
                    exchange.writeFailed(new IOException("the body publisher sent " + written + " bytes, not its declared "
                            + expected));
                    return;
                }
                track(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), exchange);
            });
        }

        private void fail(Throwable cause) {
            if (!done) {
                done = true;
                if (subscription != null) {
                    subscription.cancel();
                }
                exchange.writeFailed(cause);
            }
        }
    }
}
