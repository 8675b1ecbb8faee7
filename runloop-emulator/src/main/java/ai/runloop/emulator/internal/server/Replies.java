package ai.runloop.emulator.internal.server;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place that writes buffered responses: it records them for {@code x-request-id} replays
 * and applies the response-side faults (lost response, cut body).
 */
public final class Replies {

    /** Context key: close the connection instead of answering (after handling). */
    public static final String LOSE_RESPONSE = "runloop.fault.lose";
    /** Context key: number of body bytes to let through before cutting the connection. */
    public static final String CUT_AFTER = "runloop.fault.cutAfter";

    private Replies() {
    }

    /** Answers 200 with a JSON body. @param ctx the request @param body the JSON */
    public static void json(RoutingContext ctx, JsonObject body) {
        json(ctx, 200, body);
    }

    /** Answers with a JSON body. @param ctx the request @param status HTTP status @param body the JSON */
    public static void json(RoutingContext ctx, int status, JsonObject body) {
        send(ctx, status, "application/json", body.toBuffer(), null);
    }

    /** Answers 200 with a plain UTF-8 text body. @param ctx the request @param text the text */
    public static void text(RoutingContext ctx, String text) {
        send(ctx, 200, "text/plain; charset=utf-8", Buffer.buffer(text), null);
    }

    /** Answers 200 with raw bytes. @param ctx the request @param contentType type @param bytes body */
    public static void bytes(RoutingContext ctx, String contentType, Buffer bytes) {
        send(ctx, 200, contentType, bytes, null);
    }

    /**
     * Answers an API error: {@code {"code": status, "message": ..., "param": ...}}.
     *
     * @param ctx the request
     * @param error the error
     */
    public static void error(RoutingContext ctx, ApiException error) {
        JsonObject body = new JsonObject().put("code", error.status()).put("message", error.getMessage());
        if (error.param() != null) {
            body.put("param", error.param());
        }
        MultiMap extra = MultiMap.caseInsensitiveMultiMap();
        if (error.status() == 408) {
            extra.add("x-should-retry", "true");
        }
        send(ctx, error.status(), "application/json", body.toBuffer(), extra);
    }

    /**
     * Writes a complete response.
     *
     * @param ctx the request
     * @param status HTTP status
     * @param contentType content type
     * @param body body bytes
     * @param headers extra headers or null
     */
    public static void send(RoutingContext ctx, int status, String contentType, Buffer body, MultiMap headers) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        Idempotency.record(ctx, status, contentType, body, headers);
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        if (headers != null) {
            response.headers().addAll(headers);
        }
        if (Boolean.TRUE.equals(ctx.get(LOSE_RESPONSE))) {
            abort(ctx);
            return;
        }
        Long cut = ctx.get(CUT_AFTER);
        if (cut != null && cut < body.length()) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
            response.write(body.slice(0, (int) (long) cut)).onComplete(r -> abort(ctx));
            return;
        }
        response.end(body);
    }

    /**
     * Ends the exchange without a (complete) answer: closes an HTTP/1.x connection, resets an
     * HTTP/2 stream.
     *
     * @param ctx the request
     */
    public static void abort(RoutingContext ctx) {
        if (ctx.request().version() == HttpVersion.HTTP_2) {
            ctx.response().reset();
        } else {
            ctx.request().connection().close();
        }
    }
}
