package ai.runloop.api.internal;

import ai.runloop.api.errors.ApiStatusException;
import ai.runloop.api.errors.RunloopException;
import ai.runloop.api.internal.transport.BodyCollector;
import ai.runloop.api.spi.HttpRequest;
import ai.runloop.api.spi.HttpResponse;
import ai.runloop.api.spi.RequestBody;
import ai.runloop.api.spi.RequestKind;
import ai.runloop.api.spi.TransportException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Transfers to and from presigned storage URLs (behaviours §12): a PUT of the bytes and a GET of them,
 * sent through the client's own transport on its {@link RequestKind#TRANSFER} connections.
 *
 * <p>A presigned request carries no header of the API at all — no {@code Authorization}, no platform,
 * retry-count or custom headers — so the API key never reaches a storage host; the URL's signature is
 * the credential, and it is never put in a message or a log line (they name the host only). A non-2xx
 * answer is an {@link ApiStatusException}. Attempts follow the pipeline's {@link RetryPolicy} (connection
 * failures, 408/409/429/5xx, the server's delay, backoff with jitter, the client's max retries): an
 * upload sends its file or bytes again, a download to a file starts again from the first byte and
 * truncates the file. Redirects on the storage side are followed (up to {@value #MAX_REDIRECTS}), as
 * plain HTTP clients do for such URLs, but never from {@code https} to {@code http}; a PUT follows only
 * 307 and 308, which keep the method and the body.
 */
public final class PresignedTransfers {
    private static final System.Logger LOG = System.getLogger("ai.runloop.api");
    private static final int MAX_REDIRECTS = 5;
    /** How much of a storage host's error body is kept: nothing else bounds its size. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final ClientConfig config;
    private final RetryPolicy retry;

    PresignedTransfers(ClientConfig config, RetryPolicy retry) {
        this.config = config;
        this.retry = retry;
    }

    /**
     * Uploads a body with {@code PUT}.
     *
     * @param url  the presigned upload URL
     * @param body the bytes; a file is streamed from disk (and sent again on a retry)
     * @param what the object and step, for messages
     * @return completes when the storage host accepted the bytes
     */
    public CompletableFuture<Void> put(String url, RequestBody body, String what) {
        return new Transfer<Void>(url, "PUT", body, false, what, response -> CompletableFuture.completedFuture(null))
                .start();
    }

    /**
     * Downloads the bytes into memory, for small objects.
     *
     * @param url  the presigned download URL
     * @param what the object and step, for messages
     * @return the bytes
     */
    public CompletableFuture<byte[]> getBytes(String url, String what) {
        return new Transfer<byte[]>(url, "GET", RequestBody.empty(), false, what, HttpResponse::readAllBytes).start();
    }

    /**
     * Downloads the bytes into a file, streaming from the socket to the disk
     * ({@link HttpResponse#writeBodyTo(Path)}).
     *
     * @param url    the presigned download URL
     * @param target the file, created or truncated (again on each attempt)
     * @param what   the object and step, for messages
     * @return the number of bytes written
     */
    public CompletableFuture<Long> getToFile(String url, Path target, String what) {
        return new Transfer<Long>(url, "GET", RequestBody.empty(), true, what,
                response -> response.writeBodyTo(target)).start();
    }

    private Duration timeout() {
        // As the pipeline times its own transfer endpoints (upload_file, download_file).
        return config.timeoutIsDefault() ? ClientConfig.LONG_TIMEOUT : config.timeout();
    }

    /** One logical transfer: its attempts, redirects, and the failures of earlier attempts (suppressed). */
    private final class Transfer<T> {
        private final String method;
        private final RequestBody body;
        private final boolean stream;
        private final String what;
        private final Function<HttpResponse, CompletableFuture<T>> consume;
        private final Duration timeout = timeout();
        private final List<Throwable> earlier = new ArrayList<>();
        private final CancelPropagatingFuture<T> result = new CancelPropagatingFuture<>();
        private final String url;
        private URI uri;
        private int redirects;

        Transfer(String url, String method, RequestBody body, boolean stream, String what,
                 Function<HttpResponse, CompletableFuture<T>> consume) {
            this.url = url;
            this.method = method;
            this.body = body;
            this.stream = stream;
            this.what = what;
            this.consume = consume;
        }

        CompletableFuture<T> start() {
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                // The message would quote the URL, signature included.
                result.completeExceptionally(new IllegalArgumentException(what + ": not a valid presigned URL"));
                return result;
            }
            attempt(0);
            return result;
        }

        private String where() {
            return what + " via presigned URL to " + uri.getHost();
        }

        private void attempt(int attempt) {
            if (result.isDone()) {
                return;
            }
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(uri).method(method, body).kind(RequestKind.TRANSFER)
                        .timeout(timeout).streamResponse(stream).build();
            } catch (RuntimeException e) {
                fail(new RunloopException(where() + ": cannot send: " + e.getClass().getSimpleName()));
                return;
            }
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "-> {0} {1}{2} (presigned) attempt {3}", method, uri.getHost(),
                        uri.getRawPath(), attempt + 1);
            }
            CompletableFuture<HttpResponse> sent = Deadlines.send(config.transport(), request, timeout);
            result.follow(sent);
            if (result.isCancelled()) {
                return;
            }
            sent.whenComplete((response, error) -> {
                if (error != null) {
                    onFailure(attempt, error);
                } else {
                    onResponse(attempt, response);
                }
            });
        }

        private boolean mayRetry(int attempt) {
            return attempt < config.maxRetries() && body.isReplayable() && !result.isDone();
        }

        private void onFailure(int attempt, Throwable error) {
            RuntimeException mapped = Failures.map(where(), scrub(error));
            if (Failures.isRetryable(error) && mayRetry(attempt)) {
                earlier.add(mapped);
                retryAfter(attempt, retry.delay(attempt, null));
            } else {
                fail(mapped);
            }
        }

        private void onResponse(int attempt, HttpResponse response) {
            int status = response.status();
            if (status >= 200 && status < 300) {
                CompletableFuture<T> consumed;
                try {
                    consumed = consume.apply(response);
                } catch (RuntimeException e) {
                    consumed = CompletableFuture.failedFuture(e);
                }
                result.follow(consumed);
                consumed.whenComplete((value, error) -> {
                    if (error == null) {
                        result.complete(value);
                    } else {
                        response.close();
                        // A body cut off mid-way is a connection failure like any other: the attempt is retried.
                        onFailure(attempt, error);
                    }
                });
                return;
            }
            Optional<URI> next = redirect(response);
            if (next.isPresent()) {
                response.close();
                if (redirects++ < MAX_REDIRECTS) {
                    uri = next.get();
                    attempt(attempt);
                } else {
                    fail(new RunloopException(where() + ": more than " + MAX_REDIRECTS + " redirects"));
                }
                return;
            }
            boolean again = RetryPolicy.shouldRetry(status, response.headers()) && mayRetry(attempt);
            CompletableFuture<byte[]> errorBody = response.isStreamed()
                    ? BodyCollector.collect(response.bodyPublisher(), ERROR_BODY_LIMIT)
                    : CompletableFuture.completedFuture(response.bodyBytes());
            errorBody.whenComplete((bytes, readError) -> {
                byte[] text = bytes == null ? new byte[0] : bytes;
                ApiStatusException error = ApiStatusException.of(where() + " failed with HTTP " + status
                                + (text.length == 0 ? "" : " - " + ApiCore.excerpt(text)), status,
                        ApiCore.lowerCase(response.headers()), ApiCore.text(text));
                if (again) {
                    earlier.add(error);
                    retryAfter(attempt, retry.delay(attempt, response.headers()));
                } else {
                    fail(error);
                }
            });
        }

        /**
         * A transport failure whose message names the URL, signature and all, with the URL replaced: the
         * message ends up in the exception the caller sees.
         */
        private Throwable scrub(Throwable error) {
            Throwable e = Failures.unwrap(error);
            if (!(e instanceof TransportException t) || t.getMessage() == null) {
                return error;
            }
            String hidden = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?<signature>";
            String message = t.getMessage().replace(uri.toString(), hidden).replace(url, hidden);
            if (message.equals(t.getMessage())) {
                return error;
            }
            TransportException clean = new TransportException(t.reason(), message, t.getCause());
            clean.setStackTrace(t.getStackTrace());
            return clean;
        }

        /** Where a redirect points, if it is one this transfer follows. */
        private Optional<URI> redirect(HttpResponse response) {
            int status = response.status();
            boolean follows = method.equals("GET") ? REDIRECTS.contains(status) : status == 307 || status == 308;
            Optional<String> location = response.headers().firstValue("location");
            if (!follows || location.isEmpty()) {
                return Optional.empty();
            }
            try {
                URI next = uri.resolve(location.get().trim());
                String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
                boolean downgrade = uri.getScheme().equalsIgnoreCase("https") && !scheme.equals("https");
                return downgrade || !(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null
                        ? Optional.empty() : Optional.of(next);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private void retryAfter(int attempt, Duration delay) {
            LOG.log(System.Logger.Level.DEBUG, "retrying {0} in {1} ms", where(), delay.toMillis());
            // Through the transport, so the retry resumes where the caller's completions run (a Vert.x context).
            config.transport().delay(delay).thenRun(() -> attempt(attempt + 1));
        }

        private void fail(RuntimeException error) {
            for (Throwable e : earlier) {
                if (e != error) {
                    error.addSuppressed(e);
                }
            }
            result.completeExceptionally(error);
        }
    }
}
