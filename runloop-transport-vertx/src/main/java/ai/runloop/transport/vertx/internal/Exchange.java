package ai.runloop.transport.vertx.internal;

import ai.runloop.api.spi.Headers;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.RequestBody;
import ai.runloop.api.spi.TransportException;
import ai.runloop.api.spi.TransportException.Reason;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One request and its response on the Vert.x HTTP client. The future handed to the caller is
 * completed on the caller's Vert.x context when {@code send} was called on one, else on the
 * client's event loop. Failing that future (cancel, timeout, close) resets the request, which closes
 * an HTTP/1.1 connection or resets an HTTP/2 stream.
 */
final class Exchange {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final int FILE_READ_SIZE = 256 * 1024;

    final HttpRequest request;
    final CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    private final Context callerContext;
    private final Vertx vertx;
    private volatile HttpClientRequest clientRequest;
    private volatile AsyncFile file;
    private volatile PublisherReadStream publisherStream;
    private volatile boolean finished;
    /** Whether the outcome for the caller's future is decided (it may complete later, on the caller's context). */
    private final java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Consumer<TransportException> bodyFailure;
    private TransportException earlyBodyFailure;
    private long timerId = -1;

    Exchange(HttpRequest request, Vertx vertx, Context callerContext) {
        this.request = request;
        this.vertx = vertx;
        this.callerContext = callerContext;
        result.whenComplete((response, failure) -> {
            cancelTimer();
            if (failure != null) {
                reset();
            }
        });
    }

    /** @return method and URI, for messages; built only when one is needed, not on every request */
    String what() {
        return request.method() + " " + request.uri();
    }

    void start(HttpClient client, SharedHeaders sharedHeaders) {
        request.timeout().ifPresent(timeout -> {
            timerId = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> fail(Failures.of(Reason.TIMEOUT,
                    what() + ": no " + (request.streamResponse() ? "response headers" : "whole response") + " within " + timeout)));
            if (result.isDone()) {
                cancelTimer();
            }
        });
        // Host, port and target as the request holds them: setAbsoluteURI would parse the URI's text
        // again, into a java.net.URL, and the pipeline does not even build a java.net.URI.
        // An IPv6 literal keeps its brackets ([::1]), as Vert.x wants it: it connects to the
        // address and writes the Host header from it; a bare ::1 is refused as an authority.
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setSsl(request.scheme().equals("https"))
                .setHost(request.host())
                .setPort(request.port())
                .setURI(request.target())
                .setFollowRedirects(false);
        // The connect timeout is the client's TCP/TLS one; RequestOptions' would also bound the
        // wait for a pooled connection, failing requests that merely queue behind busy ones.
        client.request(options).onComplete(ready -> {
            if (ready.failed()) {
                fail(Failures.connect(ready.cause(), what()));
                return;
            }
            HttpClientRequest sent = ready.result();
            clientRequest = sent;
            if (result.isDone()) {
                sent.reset();
                return;
            }
            sharedHeaders.putAll(request.headers(), sent);
            sendBody(sent).onComplete(response -> {
                if (response.failed()) {
                    fail(Failures.exchange(response.cause(), what()));
                } else {
                    onResponse(response.result());
                }
            });
        });
    }

    private Future<HttpClientResponse> sendBody(HttpClientRequest sent) {
        RequestBody body = request.body();
        if (body instanceof RequestBody.Empty) {
            if (BODY_METHODS.contains(request.method())) {
                sent.putHeader(HttpHeaders.CONTENT_LENGTH, "0");
            }
            return sent.send();
        }
        if (body instanceof RequestBody.Bytes) {
            return sent.send(Buffer.buffer(((RequestBody.Bytes) body).toByteArray()));
        }
        sent.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(body.contentLength()));
        if (body instanceof RequestBody.FromFile) {
            // Read from disk as the connection drains: the file is piped, never held whole.
            return vertx.fileSystem().open(((RequestBody.FromFile) body).file().toString(), new OpenOptions().setRead(true))
                    .compose(opened -> {
                        file = opened;
                        // Large reads: each is a task on a worker and a hop back to the event loop.
                        opened.setReadBufferSize(FILE_READ_SIZE);
                        if (result.isDone()) {
                            opened.close();
                            return Future.failedFuture(Failures.of(Reason.CANCELLED, what() + ": cancelled"));
                        }
                        return sent.send(opened);
                    });
        }
        RequestBody.FromPublisher publisherBody = (RequestBody.FromPublisher) body;
        PublisherReadStream stream = new PublisherReadStream(publisherBody.publisher(), publisherBody.contentLength(),
                Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext());
        stream.failureListener(failure -> fail(Failures.exchange(failure, what())));
        publisherStream = stream;
        return sent.send(stream);
    }

    private void onResponse(HttpClientResponse response) {
        Headers.Builder headers = Headers.builder();
        response.headers().forEach(header -> {
            if (!header.getKey().startsWith(":")) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        if (request.streamResponse()) {
            response.pause();
            // Until a subscriber takes the body: a connection that breaks now must not go unnoticed (a
            // paused response queues its bytes and its end, but not a failure).
            response.exceptionHandler(failure -> fail(Failures.exchange(failure, what())));
            cancelTimer();
            Context responseContext = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
            deliver(HttpResponse.streamed(response.statusCode(), headers.build(),
                    new ResponsePublisher(response, responseContext, this)));
            return;
        }
        response.body().onComplete(body -> {
            if (body.failed()) {
                fail(Failures.exchange(body.cause(), what()));
                return;
            }
            finished();
            deliver(HttpResponse.buffered(response.statusCode(), headers.build(), body.result().getBytes()));
        });
    }

    /** Completes the caller's future on the caller's context; a response nobody takes is closed. */
    private void deliver(HttpResponse response) {
        if (!settled.compareAndSet(false, true)) {
            response.close();
            return;
        }
        onCallerContext(() -> {
            if (!result.complete(response)) {
                response.close();
            }
        });
    }

    /** Fails the exchange from any thread: the caller's future, or a body already streaming. */
    void fail(TransportException failure) {
        if (!settled.compareAndSet(false, true) || result.isDone()) {
            Consumer<TransportException> streaming;
            synchronized (this) {
                streaming = bodyFailure;
                if (streaming == null && earlyBodyFailure == null) {
                    earlyBodyFailure = failure; // for the subscriber still to come
                }
            }
            reset();
            if (streaming != null) {
                streaming.accept(failure);
            }
            return;
        }
        reset();
        onCallerContext(() -> result.completeExceptionally(failure));
    }


    /** @return the failure of a streamed body that broke before anyone subscribed to it, or null */
    synchronized TransportException earlyBodyFailure() {
        return earlyBodyFailure;
    }

    /** Tells the body's subscriber of a failure, at once if the body already broke before it subscribed. */
    void onBodyFailure(Consumer<TransportException> listener) {
        TransportException early;
        synchronized (this) {
            this.bodyFailure = listener;
            early = earlyBodyFailure;
        }
        if (early != null) {
            listener.accept(early);
        }
    }

    /** The response has been read whole: nothing to abort any more. */
    void finished() {
        finished = true;
        closeFile();
    }

    /** Aborts the exchange: resets the request (closing its HTTP/1.1 connection). */
    void reset() {
        PublisherReadStream stream = publisherStream;
        if (stream != null) {
            stream.cancel();
        }
        HttpClientRequest sent = clientRequest;
        if (sent != null && !finished) {
            finished = true;
            sent.reset();
        }
        closeFile();
    }

    private void closeFile() {
        AsyncFile opened = file;
        if (opened != null) {
            file = null;
            opened.close();
        }
    }

    private void onCallerContext(Runnable action) {
        if (callerContext == null || Vertx.currentContext() == callerContext) {
            action.run();
        } else {
            callerContext.runOnContext(ignored -> action.run());
        }
    }

    private void cancelTimer() {
        long id = timerId;
        if (id >= 0) {
            vertx.cancelTimer(id);
        }
    }
}
