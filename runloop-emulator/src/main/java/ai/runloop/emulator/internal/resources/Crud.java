package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.util.Ids;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Create / retrieve / update / list / delete-via-POST for a resource kept as wire-named JSON. Every
 * answer goes through the resource's model record, so private state ({@code _} keys) and anything the
 * model lacks never reach the wire. Items flagged {@code is_public} (or {@code _public}) belong to the
 * public catalog: they are listed by {@code list_public} only.
 */
final class Crud {
    final Backend b;
    final String base;
    final String kind;
    final String prefix;
    final String itemsKey;
    final Class<?> view;
    final Class<?> listView;
    private Class<?> createParams;
    private Class<?> updateParams;

    /** Fills a new stored item from the create body (validating it). */
    interface Creator {
        void create(JsonObject body, JsonObject item);
    }

    Crud(Backend b, String base, String kind, String prefix, String itemsKey, Class<?> view, Class<?> listView) {
        this.b = b;
        this.base = base;
        this.kind = kind;
        this.prefix = prefix;
        this.itemsKey = itemsKey;
        this.view = view;
        this.listView = listView;
    }

    /** @param create request model of create @param update request model of update (null: none) @return this */
    Crud params(Class<?> create, Class<?> update) {
        this.createParams = create;
        this.updateParams = update;
        return this;
    }

    private static JsonObject body(RoutingContext ctx, Class<?> model) {
        return model == null ? Params.body(ctx) : Params.body(ctx, model);
    }

    static boolean isPublic(JsonObject item) {
        return Boolean.TRUE.equals(item.getValue("is_public")) || Boolean.TRUE.equals(item.getValue("_public"));
    }

    /** @param r router @param creator fills new items @param updater applies an update body (null: no update route) */
    void register(Router r, Creator creator, BiConsumer<JsonObject, JsonObject> updater, BiPredicate<RoutingContext, JsonObject> filter,
            boolean withListPublic, boolean withDelete) {
        if (withListPublic) {
            Api.json(r, GET, base + "/list_public", listView, ctx -> list(ctx, true, filter));
        }
        Api.json(r, POST, base, view, ctx -> {
            JsonObject body = body(ctx, createParams);
            JsonObject item = new JsonObject().put("id", Ids.next(prefix)).put("create_time_ms", System.currentTimeMillis());
            creator.create(body, item);
            b.store(kind).put(item.getString("id"), item);
            return item;
        });
        Api.json(r, GET, base, listView, ctx -> list(ctx, false, filter));
        Api.json(r, GET, base + "/:id", view, ctx -> get(ctx));
        if (withDelete) {
            Api.json(r, POST, base + "/:id/delete", view, ctx -> {
                JsonObject item = owned(ctx);
                b.store(kind).remove(item.getString("id"));
                return item;
            });
        }
        if (updater != null) {
            Api.json(r, POST, base + "/:id", view, ctx -> {
                JsonObject item = owned(ctx);
                synchronized (item) {
                    updater.accept(body(ctx, updateParams), item);
                }
                return item;
            });
        }
    }

    JsonObject get(RoutingContext ctx) {
        return b.store(kind).get(ctx.pathParam("id"));
    }

    /** @return the item, which must not be part of the public catalog (404 for changes to those) */
    JsonObject owned(RoutingContext ctx) {
        JsonObject item = get(ctx);
        if (isPublic(item)) {
            throw new ai.runloop.emulator.internal.server.ApiException(403, kind + " " + item.getString("id")
                    + " is public and cannot be changed", null);
        }
        return item;
    }

    JsonObject list(RoutingContext ctx, boolean publicOnly, BiPredicate<RoutingContext, JsonObject> filter) {
        String name = Params.query(ctx, "name");
        String search = Params.query(ctx, "search");
        String id = Params.query(ctx, "id");
        var all = b.store(kind).list(v -> isPublic(v) == publicOnly
                && Views.contains(name, v.getString("name"))
                && (search == null || Views.contains(search, v.getString("name")) || search.equals(v.getString("id")))
                && Views.eq(id, v.getString("id"))
                && (filter == null || filter.test(ctx, v)));
        return Pages.page(ctx, all, v -> v.getString("id"), itemsKey, JsonObject::copy);
    }
}
