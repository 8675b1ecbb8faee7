package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Wire;
import ai.runloop.emulator.internal.util.Ids;
import ai.runloop.emulator.internal.util.Watchers;
import ai.runloop.model.axons.AxonEventListView;
import ai.runloop.model.axons.AxonEventView;
import ai.runloop.model.axons.AxonListView;
import ai.runloop.model.axons.AxonView;
import ai.runloop.model.axons.PublishResultView;
import ai.runloop.model.axons.SqlBatchResultView;
import ai.runloop.model.axons.SqlQueryResultView;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axons (beta): event channels with a monotonic {@code sequence} per axon, a paged event list, an SSE
 * subscription that first replays the events after {@code after_sequence} and then stays open and
 * sends each new event as it is published, and a small SQL store per axon (see {@link SqlTables}).
 */
final class AxonRoutes implements Api {
    private static final Set<String> ORIGINS = Set.of("EXTERNAL_EVENT", "AGENT_EVENT", "USER_EVENT");
    private final Backend b;
    private final Map<String, Watchers> watchers = new ConcurrentHashMap<>();
    private final Map<String, SqlTables> sql = new ConcurrentHashMap<>();

    AxonRoutes(Backend backend) {
        this.b = backend;
    }

    @Override
    public void register(Router r) {
        Api.json(r, POST, "/v1/axons", AxonView.class, ctx -> {
            JsonObject body = Params.body(ctx);
            String id = Ids.next("axn");
            JsonObject axon = new JsonObject().put("id", id).put("created_at_ms", System.currentTimeMillis())
                    .put("name", Params.optString(body, "name"))
                    .put("metadata", new JsonObject(new LinkedHashMap<>(Params.stringMap(body, "metadata"))))
                    .put("_events", new JsonArray());
            b.store("axon").put(id, axon);
            return axon;
        });
        Api.json(r, GET, "/v1/axons", AxonListView.class, ctx -> {
            String id = Params.query(ctx, "id");
            String name = Params.query(ctx, "name");
            String search = Params.query(ctx, "search");
            Map<String, String> exact = new LinkedHashMap<>();
            Map<String, List<String>> in = new LinkedHashMap<>();
            ctx.queryParams().forEach(e -> {
                String k = e.getKey();
                if (k.startsWith("metadata[") && k.endsWith("][in]")) {
                    in.put(k.substring(9, k.length() - 5), List.of(e.getValue().split(",")));
                } else if (k.startsWith("metadata[") && k.endsWith("]")) {
                    exact.put(k.substring(9, k.length() - 1), e.getValue());
                }
            });
            var all = b.store("axon").list(a -> Views.eq(id, a.getString("id")) && Views.contains(name, a.getString("name"))
                    && (search == null || Views.contains(search, a.getString("name")) || search.equals(a.getString("id")))
                    && exact.entrySet().stream().allMatch(m -> m.getValue().equals(a.getJsonObject("metadata").getString(m.getKey())))
                    && in.entrySet().stream().allMatch(m -> m.getValue().contains(a.getJsonObject("metadata").getString(m.getKey()))));
            return Pages.page(ctx, all, a -> a.getString("id"), "axons", JsonObject::copy);
        });
        Api.json(r, GET, "/v1/axons/:id", AxonView.class, this::axon);
        Api.json(r, POST, "/v1/axons/:id", AxonView.class, ctx -> {
            JsonObject axon = axon(ctx);
            JsonObject body = Params.body(ctx);
            synchronized (axon) {
                if (body.getValue("metadata") != null) {
                    axon.put("metadata", new JsonObject(new LinkedHashMap<>(Params.stringMap(body, "metadata"))));
                }
                return axon.copy();
            }
        });
        Api.json(r, DELETE, "/v1/axons/:id", ctx -> {
            JsonObject axon = axon(ctx);
            b.store("axon").remove(axon.getString("id"));
            sql.remove(axon.getString("id"));
            Watchers w = watchers.remove(axon.getString("id"));
            if (w != null) {
                w.fire();
            }
            return new JsonObject().put("id", axon.getString("id")).put("deleted", true);
        });
        Api.json(r, POST, "/v1/axons/:id/publish", PublishResultView.class, ctx -> {
            JsonObject axon = axon(ctx);
            JsonObject body = Params.body(ctx);
            String origin = Params.requiredString(body, "origin");
            if (!ORIGINS.contains(origin)) {
                throw ApiException.badRequest("origin", "origin must be one of " + ORIGINS);
            }
            JsonObject event = new JsonObject().put("axon_id", axon.getString("id"))
                    .put("event_type", Params.requiredString(body, "event_type")).put("origin", origin)
                    .put("payload", Params.requiredString(body, "payload")).put("source", Params.requiredString(body, "source"));
            synchronized (axon) {
                JsonArray events = axon.getJsonArray("_events");
                event.put("sequence", events.size() + 1L).put("timestamp_ms", System.currentTimeMillis());
                events.add(event);
            }
            watchers(axon.getString("id")).fire();
            return new JsonObject().put("sequence", event.getLong("sequence")).put("timestamp_ms", event.getLong("timestamp_ms"));
        });
        Api.json(r, GET, "/v1/axons/:id/events", AxonEventListView.class, ctx -> {
            JsonObject axon = axon(ctx);
            List<JsonObject> events = events(axon, 0);
            return Pages.page(ctx, events, e -> String.valueOf(e.getLong("sequence")), "events", JsonObject::copy);
        });
        Api.raw(r, GET, "/v1/axons/:id/subscribe/sse", this::subscribe);
        Api.json(r, POST, "/v1/axons/:id/sql/query", SqlQueryResultView.class, ctx -> {
            JsonObject axon = axon(ctx);
            JsonObject body = Params.body(ctx);
            String statement = Params.requiredString(body, "sql");
            SqlTables tables = sql.computeIfAbsent(axon.getString("id"), k -> new SqlTables());
            synchronized (tables) {
                return tables.execute(statement, Params.optArray(body, "params"));
            }
        });
        Api.json(r, POST, "/v1/axons/:id/sql/batch", SqlBatchResultView.class, ctx -> {
            JsonObject axon = axon(ctx);
            JsonArray statements = Params.optArray(Params.body(ctx), "statements");
            if (statements == null) {
                throw ApiException.badRequest("statements", "statements is required");
            }
            SqlTables tables = sql.computeIfAbsent(axon.getString("id"), k -> new SqlTables());
            synchronized (tables) {
                return new JsonObject().put("results", tables.batch(statements));
            }
        });
    }

    private JsonObject axon(RoutingContext ctx) {
        return b.store("axon").get(ctx.pathParam("id"));
    }

    private Watchers watchers(String axonId) {
        return watchers.computeIfAbsent(axonId, k -> new Watchers());
    }

    private static List<JsonObject> events(JsonObject axon, long after) {
        synchronized (axon) {
            List<JsonObject> out = new ArrayList<>();
            for (Object o : axon.getJsonArray("_events")) {
                JsonObject e = (JsonObject) o;
                if (e.getLong("sequence") > after) {
                    out.add(e.copy());
                }
            }
            return out;
        }
    }

    private void subscribe(RoutingContext ctx) {
        JsonObject axon = axon(ctx);
        long after = Params.queryLong(ctx, "after_sequence", 0, 0, Long.MAX_VALUE);
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
        response.write(": subscribed to " + axon.getString("id") + "\n\n");
        Context context = ctx.vertx().getOrCreateContext();
        long[] sent = {after};
        Watchers w = watchers(axon.getString("id"));
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> context.runOnContext(v -> {
            if (response.closed() || response.ended()) {
                return;
            }
            if (b.store("axon").find(axon.getString("id")) == null) {
                w.remove(listener[0]);
                response.end();
                return;
            }
            for (JsonObject e : events(axon, sent[0])) {
                sent[0] = e.getLong("sequence");
                response.write("data: " + Wire.shape(AxonEventView.class, e).encode() + "\n\n");
            }
        });
        w.add(listener[0]);
        response.closeHandler(v -> w.remove(listener[0]));
        listener[0].run();
    }
}
