package ai.runloop.sdk.internal;

import ai.runloop.api.errors.RunloopConnectionException;
import ai.runloop.api.errors.RunloopException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Presigned object URLs: plain HTTP PUT and GET on an absolute URL, with no Runloop header at all, so
 * the API key never travels to a storage host. A JDK {@link HttpClient} of its own, made on first use.
 */
public final class Presigned {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private volatile HttpClient http;

    /** Creates the holder; the HTTP client is made on first use. */
    public Presigned() {
    }

    private HttpClient http() {
        HttpClient h = http;
        if (h == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                            .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
                }
                h = http;
            }
        }
        return h;
    }

    /**
     * @param url  the presigned upload URL
     * @param body the bytes (streamed for files)
     * @param what the object, for messages
     * @return completes when the storage accepted the bytes
     */
    public CompletableFuture<Void> put(String url, HttpRequest.BodyPublisher body, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).PUT(body).build();
        return send(request, HttpResponse.BodyHandlers.ofString(), what + " upload").thenApply(r -> null);
    }

    /**
     * @param url  the presigned download URL
     * @param what the object, for messages
     * @return the bytes
     */
    public CompletableFuture<byte[]> getBytes(String url, String what) {
        return send(get(url), HttpResponse.BodyHandlers.ofByteArray(), what + " download").thenApply(HttpResponse::body);
    }

    /**
     * @param url    the presigned download URL
     * @param target the file to write (replaced)
     * @param what   the object, for messages
     * @return the file
     */
    public CompletableFuture<Path> getToFile(String url, Path target, String what) {
        return send(get(url), HttpResponse.BodyHandlers.ofFile(target, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), what + " download").thenApply(HttpResponse::body);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
    }

    private <T> CompletableFuture<HttpResponse<T>> send(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                         String what) {
        CompletableFuture<HttpResponse<T>> sent;
        try {
            sent = http().sendAsync(request, handler);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new RunloopException(what + ": " + e.getMessage(), e));
        }
        return sent.handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw new RunloopConnectionException(what + " via presigned URL failed: " + cause, cause);
            }
            if (response.statusCode() / 100 != 2) {
                // The URL carries a signature: name the host and status only.
                throw new RunloopException(what + " via presigned URL to " + request.uri().getHost()
                        + " failed with HTTP " + response.statusCode());
            }
            return response;
        });
    }
}
