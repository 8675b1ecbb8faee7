package ai.runloop.transport.vertx.internal;

import ai.runloop.api.spi.Headers;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import java.util.List;
import java.util.Map;

/**
 * A read-only Vert.x header block per reused SPI {@link Headers} instance: a client sends one
 * instance with most of its requests, and copying its 13 headers into each request's map one
 * {@code putHeader} at a time checked every name and value again (they were checked when the
 * {@code Headers} were built) and hashed them into a new map. A read-only block is handed to a
 * request's map by reference: Vert.x copies it on the request's first write of its own
 * ({@code Content-Length} of a body), and never changes the block itself, so one block is safely
 * shared by concurrent requests on any thread.
 *
 * <p>Only the last instance is kept, and a block is built the second time in a row an instance is
 * seen: header sets made for a single request (an idempotency key, per-call headers) are copied as
 * before and cost no block.
 */
final class SharedHeaders {

    private record Block(Headers source, MultiMap vertx) {
    }

    private volatile Block last;

    /** Sets all of the headers on a request whose own header map is still empty. */
    void putAll(Headers headers, HttpClientRequest request) {
        MultiMap target = request.headers();
        Block block = last;
        if (block != null && block.source() == headers && target.isEmpty()) {
            MultiMap shared = block.vertx();
            if (shared == null) {
                shared = readOnly(headers);
                last = new Block(headers, shared);
            }
            target.setAll(shared);
            return;
        }
        if (block == null || block.source() != headers) {
            last = new Block(headers, null);
        }
        for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
            request.putHeader(header.getKey(), header.getValue());
        }
    }

    private static MultiMap readOnly(Headers headers) {
        MultiMap block = HttpHeaders.headers(HttpVersion.HTTP_1_1);
        headers.map().forEach((name, values) -> {
            CharSequence optimized = HttpHeaders.createOptimized(name);
            values.forEach(value -> block.add(optimized, HttpHeaders.createOptimized(value)));
        });
        return block.copy(false);
    }
}
