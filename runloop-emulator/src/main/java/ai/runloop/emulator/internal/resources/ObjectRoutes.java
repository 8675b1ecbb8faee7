package ai.runloop.emulator.internal.resources;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import ai.runloop.emulator.internal.server.Api;
import ai.runloop.emulator.internal.server.ApiException;
import ai.runloop.emulator.internal.server.Backend;
import ai.runloop.emulator.internal.server.Pages;
import ai.runloop.emulator.internal.server.Params;
import ai.runloop.emulator.internal.server.Replies;
import ai.runloop.emulator.internal.server.Streams;
import ai.runloop.emulator.internal.util.Ids;
import ai.runloop.model.objects.ObjectDownloadURLView;
import ai.runloop.model.objects.ObjectListView;
import ai.runloop.model.objects.ObjectView;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Storage objects. Create returns a presigned {@code upload_url} served by the emulator itself at
 * {@code /_presigned/objects/{id}} (no bearer token; an HMAC signature over method, id and expiry is
 * checked instead); download hands out a presigned GET URL the same way. Bodies stream between the
 * socket and disk (never held in memory). TTLs expire lazily on access.
 */
final class ObjectRoutes implements Api {
    private static final Set<String> TYPES = Set.of("unspecified", "text", "binary", "gzip", "tar", "tgz");
    private static final String PRESIGNED = "/_presigned/objects/";
    private final Backend b;

    ObjectRoutes(Backend backend) {
        this.b = backend;
    }

    @Override
    public void register(Router r) {
        Api.json(r, POST, "/v1/objects", ObjectView.class, ctx -> {
            JsonObject body = Params.body(ctx);
            String name = Params.requiredString(body, "name");
            String type = Params.requiredString(body, "content_type");
            if (!TYPES.contains(type)) {
                throw ApiException.badRequest("content_type", "content_type must be one of " + TYPES);
            }
            Double ttl = Params.optNumber(body, "ttl_ms");
            String id = Ids.next("obj");
            long now = System.currentTimeMillis();
            JsonObject o = new JsonObject().put("id", id).put("name", name).put("content_type", type)
                    .put("create_time_ms", now).put("state", "UPLOADING")
                    .put("metadata", new JsonObject(Map.copyOf(Params.stringMap(body, "metadata"))));
            if (ttl != null) {
                o.put("delete_after_time_ms", now + ttl.longValue());
            }
            b.store("object").put(id, o);
            return Views.json(Views.object(o, presign(b.baseUrl(ctx), "PUT", id, now + 3_600_000)));
        });
        Api.json(r, GET, "/v1/objects", ObjectListView.class, ctx -> list(ctx, false));
        Api.json(r, GET, "/v1/objects/list_public", ObjectListView.class, ctx -> list(ctx, true));
        Api.json(r, GET, "/v1/objects/:oid", ObjectView.class, ctx -> Views.json(Views.object(object(ctx), null)));
        Api.json(r, POST, "/v1/objects/:oid/complete", ObjectView.class, ctx -> {
            JsonObject o = object(ctx);
            if (!"UPLOADING".equals(o.getString("state"))) {
                throw ApiException.conflict("object " + o.getString("id") + " is " + o.getString("state"));
            }
            Path data = b.dir("objects", o.getString("id"));
            o.put("state", "READ_ONLY").put("size_bytes", Files.exists(data) ? data.toFile().length() : 0L);
            return Views.json(Views.object(o, null));
        });
        Api.json(r, GET, "/v1/objects/:oid/download", ObjectDownloadURLView.class, ctx -> {
            JsonObject o = object(ctx);
            if (!"READ_ONLY".equals(o.getString("state"))) {
                throw ApiException.conflict("object " + o.getString("id") + " is " + o.getString("state"));
            }
            long seconds = Params.queryLong(ctx, "duration_seconds", 3600, 1, 7 * 24 * 3600);
            return new JsonObject().put("download_url",
                    presign(b.baseUrl(ctx), "GET", o.getString("id"), System.currentTimeMillis() + seconds * 1000));
        });
        Api.json(r, POST, "/v1/objects/:oid/delete", ObjectView.class, ctx -> {
            JsonObject o = object(ctx);
            delete(o);
            return Views.json(Views.object(o, null));
        });
        Api.raw(r, PUT, PRESIGNED + ":oid", ctx -> {
            JsonObject o = presigned(ctx, "PUT");
            if (!"UPLOADING".equals(o.getString("state"))) {
                Replies.error(ctx, new ApiException(403, "upload URL no longer valid", null));
                return;
            }
            Streams.receiveToFile(ctx, b.dir("objects", o.getString("id")),
                    () -> Replies.send(ctx, 200, "text/plain", Buffer.buffer(), null));
        });
        Api.raw(r, GET, PRESIGNED + ":oid", ctx -> {
            JsonObject o = presigned(ctx, "GET");
            Streams.sendFile(ctx, b.dir("objects", o.getString("id")), "application/octet-stream");
        });
    }

    private String presign(String base, String method, String id, long expires) {
        return base + PRESIGNED + id + "?expires=" + expires + "&signature=" + b.signer.sign(method + " " + id + " " + expires);
    }

    private JsonObject presigned(RoutingContext ctx, String method) {
        String id = ctx.pathParam("oid");
        String expires = Params.query(ctx, "expires");
        if (expires == null || !b.signer.verify(method + " " + id + " " + expires, Params.query(ctx, "signature"))) {
            throw new ApiException(403, "signature does not match", null);
        }
        if (Long.parseLong(expires) < System.currentTimeMillis()) {
            throw new ApiException(403, "URL expired", null);
        }
        return object(ctx);
    }

    private JsonObject object(RoutingContext ctx) {
        JsonObject o = b.store("object").get(ctx.pathParam("oid"));
        expire(o);
        if ("DELETED".equals(o.getString("state"))) {
            throw ApiException.notFound("object", o.getString("id"));
        }
        return o;
    }

    private void expire(JsonObject o) {
        Long after = o.getLong("delete_after_time_ms");
        if (after != null && after <= System.currentTimeMillis() && !"DELETED".equals(o.getString("state"))) {
            delete(o);
        }
    }

    private void delete(JsonObject o) {
        o.put("state", "DELETED");
        Path file = b.dir("objects", o.getString("id"));
        b.vertx.executeBlocking(() -> Files.deleteIfExists(file), false);
    }

    private JsonObject list(RoutingContext ctx, boolean publicOnly) {
        String type = Params.query(ctx, "content_type");
        String name = Params.query(ctx, "name");
        String search = Params.query(ctx, "search");
        String state = Params.query(ctx, "state");
        var all = b.store("object").list(o -> {
            expire(o);
            return Crud.isPublic(o) == publicOnly && Views.eq(type, o.getString("content_type")) && Views.eq(name, o.getString("name"))
                    && Views.contains(search, o.getString("name"))
                    && (state != null ? state.equals(o.getString("state")) : !"DELETED".equals(o.getString("state")));
        });
        return Pages.page(ctx, all, o -> o.getString("id"), "objects", o -> Views.json(Views.object(o, null)));
    }
}
