package ai.runloop.transport.netty.internal;

import ai.runloop.api.spi.Headers;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.TransportException;
import ai.runloop.api.spi.TransportException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.HttpConversionUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request and its response. Created on the caller's thread; once a {@link Carrier} is bound,
 * every method runs on the carrier's event loop.
 */
final class Exchange {

    private static final int MAX_PRESIZE = 16 << 20;

    final HttpRequest request;
    final String what;
    final CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    private volatile Carrier carrier;
    private volatile ScheduledFuture<?> timer;
    private volatile Flow.Subscription requestBodySubscription;

    // Event-loop state.
    private boolean finished;
    private boolean requestSent;
    private boolean headReceived;
    private boolean keepAlive;
    private int status;
    private Headers headers;
    private ByteArrayOutputStream buffered;
    private StreamedBody body;

    Exchange(HttpRequest request) {
        this.request = request;
        this.what = request.method() + " " + request.uri();
        result.whenComplete((response, failure) -> {
            cancelTimer();
            if (failure != null) {
                abort();
            }
        });
    }

    /** Starts the request timer on a loop of the transport. */
    void startTimer(io.netty.util.concurrent.EventExecutor executor) {
        request.timeout().ifPresent(timeout -> {
            timer = executor.schedule(() -> fail(Failures.of(Reason.TIMEOUT, what + ": no "
                    + (request.streamResponse() ? "response headers" : "whole response") + " within " + timeout)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (result.isDone()) {
                cancelTimer();
            }
        });
    }

    /** Fails the exchange from any thread; its carrier, if any, is aborted. */
    void fail(TransportException failure) {
        if (!result.completeExceptionally(failure)) {
            // The response is out: a streamed body may still be flowing.
            Carrier current = carrier;
            if (current != null) {
                current.channel().eventLoop().execute(() -> failOnLoop(failure));
            }
        }
    }

    /** Starts the exchange on a carrier (on its event loop). */
    void start(Carrier bound, ResponseHandler handler) {
        carrier = bound;
        if (result.isDone()) {
            finished = true;
            bound.finish(true);
            return;
        }
        Channel channel = bound.channel();
        handler.exchange(this);
        if (request.streamResponse()) {
            channel.config().setAutoRead(false);
        }
        RequestWriter.write(channel, this, bound.zeroCopyFiles(),
                bound instanceof H1Connection h1 ? h1.sharedHeads() : null);
        if (request.streamResponse()) {
            channel.read();
        }
    }

    void requestBodySubscription(Flow.Subscription subscription) {
        requestBodySubscription = subscription;
        if (finished || result.isCompletedExceptionally()) {
            subscription.cancel();
        }
    }

    /** The whole request has been written. */
    void requestSent() {
        requestSent = true;
    }

    /** Writing the request failed. */
    void writeFailed(Throwable cause) {
        failOnLoop(Failures.exchange(cause, what));
    }

    void onMessage(HttpObject message) {
        if (finished) {
            return;
        }
        if (message.decoderResult().isFailure()) {
            failOnLoop(Failures.exchange(message.decoderResult().cause(), what + ": malformed response"));
            return;
        }
        if (message instanceof io.netty.handler.codec.http.HttpResponse) {
            io.netty.handler.codec.http.HttpResponse head = (io.netty.handler.codec.http.HttpResponse) message;
            int code = head.status().code();
            if (code >= 100 && code < 200 && code != 101) {
                return; // Informational: the real response follows.
            }
            onHead(head);
        }
        if (message instanceof HttpContent && headReceived && !finished) {
            HttpContent content = (HttpContent) message;
            onContent(content.content());
            if (content instanceof LastHttpContent) {
                onEnd();
            }
        }
    }

    private void onHead(io.netty.handler.codec.http.HttpResponse head) {
        headReceived = true;
        status = head.status().code();
        keepAlive = HttpUtil.isKeepAlive(head);
        Headers.Builder builder = Headers.builder();
        for (Map.Entry<String, String> header : head.headers()) {
            String name = header.getKey();
            if (!name.startsWith(":") && !name.toLowerCase(Locale.ROOT).startsWith("x-http2-")) {
                builder.add(name, header.getValue());
            }
        }
        headers = builder.build();
        if (request.streamResponse()) {
            cancelTimer();
            body = new StreamedBody(carrier.channel().eventLoop(), this);
            StreamedBody streamed = body;
            HttpResponse response = HttpResponse.streamed(status, headers, streamed, streamed::writeTo);
            if (!result.complete(response)) {
                response.close();
            }
        } else {
            long length = HttpUtil.getContentLength(head, -1L);
            buffered = new ByteArrayOutputStream(length > 0 ? (int) Math.min(length, MAX_PRESIZE) : 256);
        }
    }

    private void onContent(ByteBuf content) {
        int readable = content.readableBytes();
        if (readable == 0) {
            return;
        }
        if (body != null) {
            body.offer(content);
        } else {
            try {
                content.getBytes(content.readerIndex(), buffered, readable);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void onEnd() {
        boolean reusable = keepAlive && requestSent;
        if (body != null) {
            finish(reusable);
            body.end();
        } else {
            HttpResponse response = HttpResponse.buffered(status, headers, buffered.toByteArray());
            buffered = null;
            finish(reusable);
            result.complete(response);
        }
    }

    /** The channel finished a read: read on if a streamed body's subscriber wants more. */
    void onReadComplete() {
        if (finished) {
            return;
        }
        if (!headReceived && request.streamResponse()) {
            carrier.channel().read();
        } else if (body != null && body.wantsMore()) {
            carrier.channel().read();
        }
    }

    void readMore() {
        if (!finished) {
            carrier.channel().read();
        }
    }

    void onInactive() {
        failOnLoop(Failures.exchange(new ClosedChannelException(), what + ": the connection closed before the whole response arrived"));
    }

    void onError(Throwable cause) {
        failOnLoop(Failures.exchange(cause, what));
    }

    /** The subscriber of a streamed body cancelled. */
    void cancelStream() {
        if (!finished) {
            finish(false);
        }
    }

    private void failOnLoop(TransportException failure) {
        if (finished) {
            return;
        }
        finish(false);
        if (!result.completeExceptionally(failure) && body != null) {
            body.fail(failure);
        }
    }

    private void abort() {
        Flow.Subscription subscription = requestBodySubscription;
        if (subscription != null) {
            subscription.cancel();
        }
        Carrier current = carrier;
        if (current != null) {
            current.channel().eventLoop().execute(() -> {
                if (!finished) {
                    finish(false);
                }
            });
        }
    }

    private void finish(boolean reusable) {
        finished = true;
        cancelTimer();
        Channel channel = carrier.channel();
        if (reusable && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
        if (!reusable) {
            Flow.Subscription subscription = requestBodySubscription;
            if (subscription != null) {
                subscription.cancel();
            }
        }
        carrier.finish(reusable);
    }

    boolean isFinished() {
        return finished;
    }

    private void cancelTimer() {
        ScheduledFuture<?> current = timer;
        if (current != null) {
            current.cancel(false);
        }
    }

    static String hostHeader(HttpRequest request) {
        int port = request.port();
        boolean defaultPort = request.scheme().equals("https") ? port == 443 : port == 80;
        return defaultPort ? request.host() : request.host() + ":" + port;
    }

    static final String SCHEME_HEADER = HttpConversionUtil.ExtensionHeaderNames.SCHEME.text().toString();
    static final String HOST = HttpHeaderNames.HOST.toString();
}
