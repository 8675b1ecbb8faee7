package ai.runloop.emulator.internal.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Registers API routes; a group of routes is one resource of the API. */
public interface Api {
    /**
     * Presigned object content: these routes read and write their bodies as streams, to and from disk,
     * so the body handler (which holds a body in memory) skips paths under this prefix.
     */
    String STREAMED_BODY_PREFIX = "/_presigned/objects/";

    /** @param router where to add the routes */
    void register(Router router);

    /**
     * A route answering 200 with the JSON the function returns.
     *
     * @param router the router
     * @param method HTTP method
     * @param path Vert.x path with {@code :params}
     * @param fn computes the reply; throws {@link ApiException} for errors
     */
    static void json(Router router, HttpMethod method, String path, Function<RoutingContext, JsonObject> fn) {
        router.route(method, path).handler(ctx -> Replies.json(ctx, fn.apply(ctx)));
    }

    /**
     * A route with a hand-written handler (streams, long polls).
     *
     * @param router the router
     * @param method HTTP method
     * @param path Vert.x path
     * @param handler the handler
     */
    static void raw(Router router, HttpMethod method, String path, Handler<RoutingContext> handler) {
        router.route(method, path).handler(handler);
    }
}
