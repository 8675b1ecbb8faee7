package ai.runloop.emulator.internal.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Registers API routes; a group of routes is one resource of the API. */
public interface Api {
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
     * A route answering 200 with the JSON the function returns, passed through its response model
     * record (see {@link Wire#shape}).
     *
     * @param router the router
     * @param method HTTP method
     * @param path Vert.x path with {@code :params}
     * @param model the response model record of the endpoint
     * @param fn computes the reply; throws {@link ApiException} for errors
     */
    static void json(Router router, HttpMethod method, String path, Class<?> model, Function<RoutingContext, JsonObject> fn) {
        router.route(method, path).handler(ctx -> Replies.json(ctx, Wire.shape(model, fn.apply(ctx))));
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
